@main def run(): Unit =
  System.err.println("oops")
