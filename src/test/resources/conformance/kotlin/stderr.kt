fun main() {
    System.err.println("oops")
}
