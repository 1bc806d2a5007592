// @attack a busy loop in the JVM that never yields
// @timeoutMs 2000
// @expect-status TIMEOUT
// @hang-guard-ms 36000
public class Main {
    static volatile long n;

    public static void main(String[] args) {
        for (;;) {
            n++;
        }
    }
}
