// @attack floods stdout from the JVM
// @expect-status OUTPUT_LIMIT
// @truncated true
// @hang-guard-ms 36000
public class Main {
    public static void main(String[] args) {
        String line = "x".repeat(1000);
        for (;;) {
            System.out.println(line);
        }
    }
}
