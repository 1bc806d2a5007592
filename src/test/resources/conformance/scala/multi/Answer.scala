object Answer:
  def value: Int = 6 * 7
