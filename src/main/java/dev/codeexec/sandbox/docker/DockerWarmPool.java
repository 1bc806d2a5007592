package dev.codeexec.sandbox.docker;

import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.config.LanguageConfig;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.sandbox.SandboxSpec;
import dev.codeexec.sandbox.WarmPool;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Containers created and started ahead of time with a language's default limits, each waiting on
 * its launcher, each used for exactly one request and destroyed after it.
 *
 * <p>Sized by demand: a language keeps none until it is used, then {@code pool.size}; a request
 * that finds its pool empty raises the target (up to {@code pool.max-size}), a quiet spell lowers it
 * again, and a language unused for {@code pool.idle-after} keeps none. All languages together keep at
 * most {@code pool.max-total} idle containers (the least recently used language gives way first).
 * Refills run on a small worker pool ({@code pool.refill-parallelism} at once), only while a run
 * slot is free, and start when a run ends or at the periodic upkeep, not when a run takes a
 * container, so warming does not slow down the short run that just took one. Containers whose stream
 * ended (killed from outside) are dropped, and none waits longer than {@code pool.max-idle-age}.
 */
@ApplicationScoped
public class DockerWarmPool implements WarmPool {

    private static final Logger LOG = Logger.getLogger(DockerWarmPool.class);

    private final ContainerFactory factory;
    private final ContainerJanitor janitor;
    private final Metrics metrics;
    private final CodeExecConfig config;
    private final Vertx vertx;
    private final Map<String, LanguagePool> pools = new ConcurrentHashMap<>();
    private WorkerExecutor workers;
    private int creating;
    private volatile boolean stopping;

    private final WorkerPool throughput;

    public DockerWarmPool(ContainerFactory factory, ContainerJanitor janitor, Metrics metrics, CodeExecConfig config,
            Vertx vertx, WorkerPool throughput) {
        this.throughput = throughput;
        this.factory = factory;
        this.janitor = janitor;
        this.metrics = metrics;
        this.config = config;
        this.vertx = vertx;
    }

    @Override
    public synchronized void keepWarm(SandboxSpec template) {
        Optional<Integer> fixed = Optional.ofNullable(config.languages().language().get(template.language()))
                .flatMap(LanguageConfig::poolSize);
        int size = fixed.orElse(config.pool().size());
        if (!config.pool().enabled() || size <= 0 || stopping || throughput.serves(template.language())) {
            return;
        }
        LanguagePool pool = new LanguagePool(template, size, Math.max(size, config.pool().maxSize()), fixed.isPresent());
        LanguagePool old = pools.put(template.language(), pool);
        if (old != null) {
            old.drain(this::discard);
        }
        metrics.poolSize(template.language(), () -> pools.getOrDefault(template.language(), pool).ready.size());
        refill();
    }

    /**
     * A live pooled container made for exactly this spec (image and limits), if one is ready. Its
     * replacement is started when the run that took it ends ({@link #runEnded}) or at the next
     * upkeep, not now: a container start (runc, then the language's loader: ~160 ms of CPU for
     * Node.js) beside the run would slow the very run the pool is there to speed up.
     */
    Optional<PreparedContainer> take(SandboxSpec spec) {
        LanguagePool pool = pools.get(spec.language());
        if (pool == null || !spec.equals(pool.template)) {
            return Optional.empty();
        }
        return pool.take(this::discard);
    }

    /** A run of the default mode ended (pooled container or not): start what the targets call for. */
    void runEnded() {
        refill();
    }

    /** Starts the containers the targets call for, within the parallelism, the global cap and free run slots. */
    private synchronized void refill() {
        if (stopping) {
            return;
        }
        long now = System.nanoTime();
        pools.values().forEach(p -> p.adjust(now, config.pool(), this::discard));
        trimToTotal();
        while (creating < config.pool().refillParallelism()
                && metrics.inFlight() < config.execution().maxConcurrent()) {
            // The language used most recently first: demand now beats demand a while ago.
            Optional<LanguagePool> neediest = pools.values().stream().filter(p -> p.deficit() > 0)
                    .max(Comparator.comparingLong((LanguagePool p) -> p.lastUsed).thenComparingInt(LanguagePool::deficit));
            if (neediest.isEmpty()) {
                return;
            }
            LanguagePool pool = neediest.get();
            if (idle() + creating >= config.pool().maxTotal() && !makeRoomFor(pool)) {
                return;
            }
            pool.creating++;
            creating++;
            workers().executeBlocking(() -> factory.prepare(pool.template, true), false)
                    .onComplete(done -> made(pool, done.result(), done.cause()));
        }
    }

    /** At the global cap: a language used less recently gives up an idle container, if there is one. */
    private boolean makeRoomFor(LanguagePool needy) {
        Optional<LanguagePool> victim = pools.values().stream()
                .filter(p -> p != needy && !p.ready.isEmpty() && p.lastUsed < needy.lastUsed)
                .min(Comparator.comparingLong(p -> p.lastUsed));
        LanguagePool.Ready r = victim.map(p -> p.ready.pollLast()).orElse(null);
        if (r == null) {
            return false;
        }
        discard(r.container());
        return true;
    }

    private synchronized void made(LanguagePool pool, PreparedContainer container, Throwable failure) {
        pool.creating--;
        creating--;
        if (failure != null) {
            LOG.warnf("could not warm a %s container: %s", pool.template.language(), failure.getMessage());
            pool.failedAt = System.nanoTime();
            return;
        }
        if (stopping || pools.get(pool.template.language()) != pool) {
            discard(container);
            return;
        }
        pool.ready.addLast(new LanguagePool.Ready(container, System.nanoTime()));
        refill();
    }

    /**
     * Its part of the pools' one upkeep ({@link PoolUpkeep}): drop dead and over-age containers,
     * follow demand, refill after failures.
     */
    void upkeep(long now, long maxAge) {
        if (stopping) {
            return;
        }
        for (LanguagePool p : pools.values()) {
            p.takeStale(now, maxAge).forEach(r -> discard(r.container()));
        }
        refill();
    }

    private int idle() {
        return pools.values().stream().mapToInt(p -> p.ready.size()).sum();
    }

    /** Over the global cap: the least recently used languages give up containers first. */
    private void trimToTotal() {
        int excess = idle() - config.pool().maxTotal();
        while (excess > 0) {
            Optional<LanguagePool> victim = pools.values().stream().filter(p -> !p.ready.isEmpty())
                    .min(Comparator.comparingLong(p -> p.lastUsed));
            if (victim.isEmpty()) {
                return;
            }
            LanguagePool.Ready r = victim.get().ready.pollLast();
            if (r != null) {
                discard(r.container());
                excess--;
            }
        }
    }

    private void discard(PreparedContainer c) {
        c.detach();
        janitor.removeLater(c.id());
    }

    private synchronized WorkerExecutor workers() {
        if (workers == null) {
            workers = vertx.createSharedWorkerExecutor("code-exec-warm-pool", config.pool().refillParallelism());
        }
        return workers;
    }

    void onStop(@Observes @Priority(100) ShutdownEvent event) {
        synchronized (this) {
            stopping = true;
        }
        pools.values().forEach(p -> p.drain(this::discard));
    }
}
