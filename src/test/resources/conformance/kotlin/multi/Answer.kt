fun answer(): Int = 6 * 7

object Other {
    @JvmStatic
    fun main(args: Array<String>) {
        println("wrong main")
    }
}
