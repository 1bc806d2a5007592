@main def run(): Unit =
  println("héllo wörld ✓ 日本")
