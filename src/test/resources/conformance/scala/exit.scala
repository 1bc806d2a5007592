@main def run(): Unit =
  sys.exit(3)
