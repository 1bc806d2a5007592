@main def run(): Unit =
  throw new IllegalStateException("boom")
