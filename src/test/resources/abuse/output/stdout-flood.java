// @attack floods stdout from the JVM
// @expect-status OUTPUT_LIMIT
// @timeoutMs 10000
// @note the longest time limit, so only the output cap can end it, even on a loaded machine
// @truncated true
// @hang-guard-ms 30000
public class Main {
    public static void main(String[] args) {
        String line = "x".repeat(1000);
        for (;;) {
            System.out.println(line);
        }
    }
}
