public class Answer {
    static int value() {
        return 6 * 7;
    }

    public static void main(String[] args) {
        System.out.println("wrong main class");
    }
}
