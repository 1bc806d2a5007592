@main def run(): Unit =
  val x: Int = "not an int"
  println(x)
