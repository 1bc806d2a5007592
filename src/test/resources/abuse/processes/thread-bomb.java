// @attack starts JVM threads without end
// @timeoutMs 10000
// @expect-status OK
// @stdout-contains capped true after
// @repeat 2
// @hang-guard-ms 45000
public class Main {
    public static void main(String[] args) {
        int n = 0;
        try {
            for (;;) {
                Thread t = new Thread(() -> {
                    try {
                        Thread.sleep(600_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                });
                t.setDaemon(true);
                t.start();
                n++;
            }
        } catch (Throwable e) {
            System.out.println("capped " + (n < 64) + " after " + n + " threads: " + e.getClass().getSimpleName());
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }
}
