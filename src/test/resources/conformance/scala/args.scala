@main def run(args: String*): Unit =
  println(args.mkString(" "))
