fun main() {
    println(answer())
}
