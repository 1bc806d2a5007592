package demo.app;

public class Err {
    public static void main(String[] args) {
        System.err.println("oops");
    }
}
