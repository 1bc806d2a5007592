package dev.codeexec.session;

import dev.codeexec.execution.LimitsResolver;
import dev.codeexec.language.Runtime;
import dev.codeexec.sandbox.KeptSandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A sandbox kept for one client: its container, its limits, its REPL contexts, and when it ends (idle
 * for {@code idleTimeout}, or at {@code end} however busy). Each use counts as activity when it
 * begins and when it ends; a session in use is never idle.
 */
public final class Session {

    private final String id;
    private final String owner;
    private final Runtime runtime;
    private final LimitsResolver.Limits limits;
    private final KeptSandbox sandbox;
    private final Instant created;
    private final Instant end;
    private final Map<String, Object> metadata;
    private final Map<String, Kernel> kernels = new ConcurrentHashMap<>();
    private final Map<Class<?>, Object> attachments = new ConcurrentHashMap<>();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile Duration idleTimeout;
    private volatile Instant lastUsed;

    Session(String id, String owner, Runtime runtime, LimitsResolver.Limits limits, KeptSandbox sandbox,
            Instant created, Duration idleTimeout, Instant end, Map<String, Object> metadata) {
        this.id = id;
        this.owner = owner;
        this.runtime = runtime;
        this.limits = limits;
        this.sandbox = sandbox;
        this.created = created;
        this.idleTimeout = idleTimeout;
        this.end = end;
        this.lastUsed = created;
        this.metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public String id() {
        return id;
    }

    String owner() {
        return owner;
    }

    public Runtime runtime() {
        return runtime;
    }

    public LimitsResolver.Limits limits() {
        return limits;
    }

    KeptSandbox sandbox() {
        return sandbox;
    }

    Map<String, Kernel> kernels() {
        return kernels;
    }

    public Instant created() {
        return created;
    }

    /** The latest this session can live to (the lifetime cap). */
    public Instant end() {
        return end;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    /** What an API adapter keeps with the session (its own ids, tokens, processes), one object per class. */
    public <T> T attachment(Class<T> type, java.util.function.Supplier<T> make) {
        return type.cast(attachments.computeIfAbsent(type, k -> make.get()));
    }

    /** The adapter's object, or null. */
    public <T> T attachment(Class<T> type) {
        return type.cast(attachments.get(type));
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** When the session ends if nothing uses it: idle timeout after its last use, at most its end. */
    public Instant expiresAt() {
        Instant idleEnd = lastUsed.plus(idleTimeout);
        return idleEnd.isBefore(end) ? idleEnd : end;
    }

    /** True when it should go now: past its end, idle too long, or its sandbox died. */
    boolean over(Instant now) {
        return !now.isBefore(end) || !sandbox.alive() || (busy.get() == 0 && !now.isBefore(expiresAt()));
    }

    /** A new idle timeout, counted from now (E2B's setTimeout: shorter ones too). */
    void idleTimeout(Duration timeout) {
        idleTimeout = timeout;
        lastUsed = Instant.now();
    }

    /** Runs a use of the session: it is busy (never idle) meanwhile, and active at both ends. */
    <T> T use(Supplier<T> work) {
        busy.incrementAndGet();
        lastUsed = Instant.now();
        try {
            return work.get();
        } finally {
            lastUsed = Instant.now();
            busy.decrementAndGet();
        }
    }

    /** Ends every REPL context and the sandbox with everything in it. */
    void close() {
        kernels.values().forEach(Kernel::close);
        kernels.clear();
        sandbox.close();
    }
}
