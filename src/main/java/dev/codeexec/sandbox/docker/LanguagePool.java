package dev.codeexec.sandbox.docker;

import dev.codeexec.config.PoolConfig;
import dev.codeexec.sandbox.SandboxSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;

/** One language's ready containers and its demand-following target (see DockerWarmPool). */
final class LanguagePool {

    record Ready(PreparedContainer container, long since) implements IdleContainer {
    }

    final SandboxSpec template;
    final ConcurrentLinkedDeque<Ready> ready = new ConcurrentLinkedDeque<>();
    private final int size;
    private final int max;
    /** Configured explicitly for this language: kept at its size even when unused. */
    private final boolean fixed;
    volatile int target;
    volatile long lastUsed;
    volatile long lastMiss;
    volatile long failedAt;
    int creating;

    LanguagePool(SandboxSpec template, int size, int max, boolean fixed) {
        this.template = template;
        this.size = size;
        this.max = max;
        this.fixed = fixed;
        this.target = fixed ? size : 0;
        this.lastUsed = fixed ? System.nanoTime() : 0;
        this.lastMiss = System.nanoTime();
        this.failedAt = System.nanoTime() - 10_000_000_000L;
    }

    /** Removes and returns the ready containers that died or are older than maxAge (nanoseconds). */
    List<Ready> takeStale(long now, long maxAge) {
        return IdleContainer.takeStale(ready, now, maxAge);
    }

    /** A live container, if one is ready; a miss raises the target. */
    Optional<PreparedContainer> take(Consumer<PreparedContainer> discard) {
        long now = System.nanoTime();
        lastUsed = now;
        for (Ready r = ready.pollFirst(); r != null; r = ready.pollFirst()) {
            if (r.container().alive()) {
                if (target < size) {
                    target = size;
                }
                return Optional.of(r.container());
            }
            discard.accept(r.container());
        }
        lastMiss = now;
        target = Math.min(max, Math.max(size, target + 1));
        return Optional.empty();
    }

    /** Lowers the target after quiet spells; none at all for a language unused for long. */
    void adjust(long now, PoolConfig config, Consumer<PreparedContainer> discard) {
        if (target > size && now - lastMiss > config.shrinkAfter().toNanos()) {
            target--;
            lastMiss = now;
        }
        if (!fixed && target > 0 && now - lastUsed > config.idleAfter().toNanos()) {
            target = 0;
        }
        while (ready.size() > target) {
            Ready extra = ready.pollLast();
            if (extra == null) {
                break;
            }
            discard.accept(extra.container());
        }
    }

    /** Containers still to start (none for a while after a failed start). */
    int deficit() {
        if (System.nanoTime() - failedAt < 1_000_000_000L) {
            return 0;
        }
        return target - ready.size() - creating;
    }

    void drain(Consumer<PreparedContainer> discard) {
        for (Ready r = ready.pollFirst(); r != null; r = ready.pollFirst()) {
            discard.accept(r.container());
        }
    }
}
