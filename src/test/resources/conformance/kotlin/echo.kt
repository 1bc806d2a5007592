fun main() {
    System.out.write(System.`in`.readBytes())
    System.out.flush()
}
