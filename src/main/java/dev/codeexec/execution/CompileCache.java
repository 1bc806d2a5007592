package dev.codeexec.execution;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.sandbox.ContainerLimits;
import dev.codeexec.sandbox.SandboxFile;
import dev.codeexec.sandbox.Step;
import dev.codeexec.sandbox.StepResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What successful compilations produced, so the same program comes back compiled: every file the
 * builder owned after compiling (sources and artefacts), keyed by a SHA-256 over the image (which
 * names the compiler's version), the compile command and environment, the compile's limits (a
 * compilation that fits one set of limits is never replayed for another, higher or lower), and
 * every file. It lives in
 * the service's memory, out of reach of any sandbox, bounded by the total size of the files.
 */
@ApplicationScoped
public class CompileCache {

    /** A compilation as it was: its files and the compiler's report (its warnings, say). */
    record Entry(List<SandboxFile> files, StepResult compile) {
        int weight() {
            long bytes = files.stream().mapToLong(f -> f.content().length + f.path().length()).sum()
                    + compile.output().combined().length * 2L;
            return (int) Math.min(Integer.MAX_VALUE, bytes);
        }
    }

    private final Cache<String, Entry> entries;
    private final boolean enabled;
    private final long maxEntry;
    private final Metrics metrics;

    public CompileCache(CodeExecConfig config, Metrics metrics) {
        this.enabled = config.compileCache().enabled();
        this.maxEntry = config.compileCache().maxEntrySize().asLongValue();
        this.metrics = metrics;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(config.compileCache().maxSize().asLongValue())
                .weigher((String key, Entry e) -> e.weight())
                .build();
    }

    /** The key of a compilation, or null when the cache is off. */
    String key(String image, Step compile, ContainerLimits limits, List<SandboxFile> files) {
        if (!enabled) {
            return null;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, image);
            compile.command().forEach(a -> update(sha, a));
            compile.env().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> update(sha, e.getKey() + "=" + e.getValue()));
            update(sha, "timeout=" + compile.timeout().toMillis() + " cpu=" + (compile.cpuTime() == null ? "-"
                    : compile.cpuTime().toMillis()) + " output=" + compile.outputBytes() + " " + limits);
            for (SandboxFile f : files) {
                update(sha, f.path() + (f.executable() ? "*" : ""));
                sha.update(HexFormat.of().parseHex(sha256(f.content())));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Entry> find(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Entry e = entries.getIfPresent(key);
        metrics.compileCache(e != null);
        return Optional.ofNullable(e);
    }

    void keep(String key, List<SandboxFile> files, StepResult compile) {
        if (key == null || files.isEmpty()) {
            return;
        }
        Entry entry = new Entry(List.copyOf(files), compile);
        if (entry.weight() <= maxEntry) {
            entries.put(key, entry);
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
