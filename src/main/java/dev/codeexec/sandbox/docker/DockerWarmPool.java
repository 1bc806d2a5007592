package dev.codeexec.sandbox.docker;

import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.sandbox.SandboxSpec;
import dev.codeexec.sandbox.WarmPool;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.jboss.logging.Logger;

/**
 * Per language, a few containers created and started ahead of time with the language's default
 * limits, each waiting on its launcher for a program. A run takes one and the container is
 * destroyed after that single run. One background thread refills, one container at a time and
 * only while a run slot is free, so refilling never competes with saturated runs. The target size
 * follows demand: it grows (up to max-size) when a run finds the pool empty and shrinks back after
 * a quiet spell. Containers whose output stream ended (died, killed from outside) are dropped.
 */
@ApplicationScoped
public class DockerWarmPool implements WarmPool {

    private static final Logger LOG = Logger.getLogger(DockerWarmPool.class);

    private final ContainerFactory factory;
    private final ContainerJanitor janitor;
    private final Metrics metrics;
    private final CodeExecConfig config;
    private final Map<String, LanguagePool> pools = new ConcurrentHashMap<>();
    /** When each pooled container was made (nanoTime): older than pool.max-idle, it is replaced. */
    private final Map<String, Long> madeAt = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private volatile boolean stopping;
    private Thread filler;

    public DockerWarmPool(ContainerFactory factory, ContainerJanitor janitor, Metrics metrics, CodeExecConfig config) {
        this.factory = factory;
        this.janitor = janitor;
        this.metrics = metrics;
        this.config = config;
    }

    @Override
    public synchronized void keepWarm(SandboxSpec template) {
        int size = Optional.ofNullable(config.languages().get(template.language()))
                .flatMap(CodeExecConfig.LanguageConfig::poolSize).orElse(config.pool().size());
        if (!config.pool().enabled() || size <= 0 || stopping) {
            return;
        }
        LanguagePool pool = new LanguagePool(template, size, Math.max(size, config.pool().maxSize()));
        LanguagePool old = pools.put(template.language(), pool);
        if (old != null) {
            old.drain(this::discard);
        }
        metrics.poolSize(template.language(), () -> pools.getOrDefault(template.language(), pool).ready.size());
        if (filler == null) {
            filler = new Thread(this::fill, "warm-pool-filler");
            filler.setDaemon(true);
            filler.start();
        }
        wake();
    }

    /** A live pooled container made for the same image, command and container limits, if any. */
    Optional<PreparedContainer> take(SandboxSpec spec) {
        LanguagePool pool = pools.get(spec.language());
        if (pool == null || !spec.sameContainerAs(pool.template)) {
            return Optional.empty();
        }
        for (PreparedContainer c = pool.ready.pollFirst(); c != null; c = pool.ready.pollFirst()) {
            if (c.alive() && !tooOld(c)) {
                madeAt.remove(c.id());
                wake();
                return Optional.of(c);
            }
            discard(c);
        }
        pool.missed();
        wake();
        return Optional.empty();
    }

    private void fill() {
        while (!stopping) {
            boolean made = false;
            for (LanguagePool pool : pools.values()) {
                pool.ready.removeIf(c -> {
                    if (!c.alive() || tooOld(c)) {
                        discard(c);
                        return true;
                    }
                    return false;
                });
                pool.adjust(config.pool().shrinkAfter().toNanos(), this::discard);
                if (pool.ready.size() < pool.target && metrics.inFlight() < config.execution().maxConcurrent()
                        && !stopping) {
                    made |= makeOne(pool);
                }
            }
            if (!made) {
                synchronized (signal) {
                    try {
                        signal.wait(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    private boolean makeOne(LanguagePool pool) {
        try {
            PreparedContainer made = factory.prepare(pool.template, true);
            madeAt.put(made.id(), System.nanoTime());
            pool.ready.addLast(made);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("could not warm a %s container: %s", pool.template.language(), e.getMessage());
            sleep(1000);
            return false;
        }
    }

    private boolean tooOld(PreparedContainer c) {
        Long made = madeAt.get(c.id());
        return made != null && System.nanoTime() - made > config.pool().maxIdle().toNanos();
    }

    private void discard(PreparedContainer c) {
        madeAt.remove(c.id());
        c.detach();
        janitor.removeLater(c.id());
    }

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    void onStop(@Observes @Priority(100) ShutdownEvent event) {
        stopping = true;
        if (filler != null) {
            filler.interrupt();
        }
        pools.values().forEach(p -> p.drain(this::discard));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One language's ready containers and its demand-following target size. */
    private static final class LanguagePool {
        final SandboxSpec template;
        final int min;
        final int max;
        final ConcurrentLinkedDeque<PreparedContainer> ready = new ConcurrentLinkedDeque<>();
        volatile int target;
        volatile long lastMiss = System.nanoTime();

        LanguagePool(SandboxSpec template, int min, int max) {
            this.template = template;
            this.min = min;
            this.max = max;
            this.target = min;
        }

        void missed() {
            lastMiss = System.nanoTime();
            target = Math.min(max, target + 1);
        }

        void adjust(long quietNanos, java.util.function.Consumer<PreparedContainer> discard) {
            if (target > min && System.nanoTime() - lastMiss > quietNanos) {
                target--;
                lastMiss = System.nanoTime();
                PreparedContainer extra = ready.size() > target ? ready.pollLast() : null;
                if (extra != null) {
                    discard.accept(extra);
                }
            }
        }

        void drain(java.util.function.Consumer<PreparedContainer> discard) {
            for (PreparedContainer c = ready.pollFirst(); c != null; c = ready.pollFirst()) {
                discard.accept(c);
            }
        }
    }
}
