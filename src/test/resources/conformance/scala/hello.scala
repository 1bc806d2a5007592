@main def hello(): Unit =
  println("Hello, World!")
