// @attack grows the JVM's heap without end
// @expect-status MEMORY_LIMIT|RUNTIME_ERROR
// @note the JVM may stop at its own heap limit (OutOfMemoryError, exit 1) or the kernel at the container's
// @hang-guard-ms 45000
import java.util.ArrayList;
import java.util.List;

public class Main {
    public static void main(String[] args) {
        List<byte[]> kept = new ArrayList<>();
        for (;;) {
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 1);
            kept.add(block);
        }
    }
}
