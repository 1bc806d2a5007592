object Echo:
  def main(args: Array[String]): Unit =
    System.out.write(System.in.readAllBytes())
    System.out.flush()
