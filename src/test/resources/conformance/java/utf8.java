public class Utf8 {
    public static void main(String[] args) {
        System.out.println("héllo wörld ✓ 日本");
    }
}
