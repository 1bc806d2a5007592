package dev.codeexec.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What this machine's kernel offers, where a test's expected outcome depends on it. Each trait is
 * probed once on the host itself (never guessed from the developer's machine) and printed, so a
 * test's output says which branch it took.
 */
public final class HostKernel {

    /** The trait of a kernel that kills 32-bit system calls (int 0x80) from 64-bit processes with SIGSEGV. */
    public static final String NO_IA32 = "no-ia32";

    private static Set<String> traits;

    private HostKernel() {
    }

    /** The traits of this host's kernel that tests branch on (empty on a kernel with everything). */
    public static synchronized Set<String> traits() {
        if (traits == null) {
            traits = ia32Syscalls() ? Set.of() : Set.of(NO_IA32);
            System.out.println("host kernel: 32-bit syscalls from 64-bit processes "
                    + (traits.contains(NO_IA32) ? "absent (int 0x80 dies with SIGSEGV)" : "present") + "; traits " + traits);
        }
        return traits;
    }

    private static boolean ia32Syscalls() {
        Path python = Tools.find("python3").orElseThrow(() -> new IllegalStateException(
                "python3 is needed on the host to probe its kernel's 32-bit syscall support"));
        try {
            Path script = Files.createTempFile("ia32-probe", ".py");
            try (var in = HostKernel.class.getResourceAsStream("/host/ia32-probe.py")) {
                Files.write(script, in.readAllBytes());
            }
            try {
                String answer = Tools.run(script.getParent(), Duration.ofSeconds(60),
                        List.of(python.toString(), script.toString())).trim();
                if (!answer.equals("present") && !answer.equals("absent")) {
                    throw new IllegalStateException("the ia32 probe answered '" + answer + "'");
                }
                return answer.equals("present");
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
