package dev.codeexec.sandbox.docker;

import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.config.ThroughputConfig;
import dev.codeexec.sandbox.ContainerLimits;
import dev.codeexec.sandbox.SandboxSpec;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Throughput mode: long-lived containers that serve one request after another, each step in fresh
 * namespaces (the launcher's --namespaces), so a request costs a few processes instead of a
 * container. Each container serves one request at a time under its language's default limits; after
 * a request the launcher kills everything and removes every file, and the container goes back to
 * the idle ones only if that came out clean, nothing went wrong, and it has served fewer than
 * {@code runs-per-container} requests; otherwise it is removed and a fresh one takes its place.
 */
@ApplicationScoped
public class WorkerPool {

    private static final Logger LOG = Logger.getLogger(WorkerPool.class);
    private static final long RESET_TIMEOUT_MS = 5_000;

    private final ContainerFactory factory;
    private final ContainerJanitor janitor;
    private final ThroughputConfig config;
    private final long maxAgeNanos;
    private final Vertx vertx;
    private final Map<Kind, KindPool> workers = new ConcurrentHashMap<>();
    private WorkerExecutor resets;
    private volatile boolean stopping;

    public WorkerPool(ContainerFactory factory, ContainerJanitor janitor, CodeExecConfig config, Vertx vertx) {
        this.factory = factory;
        this.janitor = janitor;
        this.config = config.throughput();
        this.maxAgeNanos = config.pool().maxIdle().toNanos();
        this.vertx = vertx;
    }

    /** How long a request waits for a container being reset (a reset takes milliseconds; a new container far more). */
    private static final long AWAIT_RESET_MS = 100;

    /**
     * What needs a container of its own: the image, and the limits a running container cannot
     * change. Memory, CPU and processes are set per request (docker update) and restored after it,
     * so requests with any such limits share a language's workers and the kinds stay few.
     */
    private record Kind(String image, long scratchBytes, int scratchFiles, long shmBytes, int openFiles) {
        static Kind of(SandboxSpec spec) {
            ContainerLimits l = spec.limits();
            return new Kind(spec.image(), l.scratchBytes(), l.scratchFiles(), l.shmBytes(), l.openFiles());
        }
    }

    /** True when requests of this language run in throughput mode. */
    boolean serves(String language) {
        return config.enabled() && !stopping
                && config.languages().map(ids -> ids.contains(language)).orElse(true);
    }

    /**
     * A container for one request: an idle one, or a new one while the language has fewer than
     * {@code containers}; empty when all are busy (the request then gets a fresh container instead).
     */
    Optional<Leased> lease(SandboxSpec spec) {
        KindPool kind = workers.computeIfAbsent(Kind.of(spec), k -> new KindPool());
        for (ReusableContainer w = kind.awaitIdle(AWAIT_RESET_MS); w != null; w = kind.awaitIdle(AWAIT_RESET_MS)) {
            if (w.container().alive() && !tooOld(w)) {
                return Optional.of(new Leased(kind, w, true));
            }
            destroy(kind, w.container());
        }
        if (kind.count.incrementAndGet() > config.containers()) {
            kind.count.decrementAndGet();
            return Optional.empty();
        }
        try {
            return Optional.of(new Leased(kind, new ReusableContainer(factory.prepareWorker(spec), 0, System.nanoTime()), false));
        } catch (RuntimeException e) {
            kind.count.decrementAndGet();
            throw e;
        }
    }

    /** A worker handed to one request; {@code warm}: it had served requests before. */
    final class Leased implements DockerSession.Owner {
        private final KindPool kind;
        private final ReusableContainer worker;
        private final boolean warm;

        private Leased(KindPool kind, ReusableContainer worker, boolean warm) {
            this.kind = kind;
            this.worker = worker;
            this.warm = warm;
        }

        PreparedContainer container() {
            return worker.container();
        }

        boolean warm() {
            return warm;
        }

        /** Off the request's path: reset, restore the limits, and back to the idle ones (or removed). */
        @Override
        public void release(PreparedContainer container, ContainerLimits limits, boolean broken) {
            if (broken || stopping) {
                destroy(kind, container);
                return;
            }
            kind.resetting.incrementAndGet();
            executor().executeBlocking(() -> {
                boolean clean = reset(container);
                if (clean && !limits.equals(container.limits())) {
                    factory.update(container.id(), container.limits());
                }
                return clean;
            }, false).onComplete(done -> {
                kind.resetting.decrementAndGet();
                int served = worker.served() + 1;
                if (done.succeeded() && done.result() && served < config.runsPerContainer() && !stopping
                        && container.alive() && !tooOld(worker)) {
                    kind.back(new ReusableContainer(container, served, worker.since()));
                } else {
                    if (done.failed() || !done.result()) {
                        LOG.warnf("throughput container %s did not come back clean: removed", container.id());
                    }
                    destroy(kind, container);
                }
            });
        }
    }

    /** Asks the launcher to end the request; true when it says every process and file is gone. */
    private boolean reset(PreparedContainer container) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        container.frames().receiver(new LauncherFrames.Receiver() {
            @Override
            public void frame(char type, byte[] payload) {
                answer.complete(type == 'K' && new String(payload, StandardCharsets.US_ASCII).equals("clean"));
            }

            @Override
            public void ended(String why) {
                answer.complete(false);
            }
        });
        container.stdin().send(LauncherProtocol.reset());
        try {
            return answer.get(RESET_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return false;
        } finally {
            container.frames().receiver(null);
        }
    }

    private void destroy(KindPool kind, PreparedContainer container) {
        kind.count.decrementAndGet();
        synchronized (kind) {
            kind.notifyAll();
        }
        container.detach();
        janitor.removeLater(container.id());
    }

    private synchronized WorkerExecutor executor() {
        if (resets == null) {
            resets = vertx.createSharedWorkerExecutor("code-exec-worker-reset", 2);
        }
        return resets;
    }

    /**
     * Older than pool.max-idle: it serves no further request. So a worker lives at most that plus
     * one request, busy or not, within the bound other instances' reapers rely on.
     */
    private boolean tooOld(ReusableContainer w) {
        return System.nanoTime() - w.since() > maxAgeNanos;
    }

    /**
     * Its part of the pools' one upkeep ({@link PoolUpkeep}): idle workers that died or are older
     * than pool.max-idle are removed; a request that finds none makes a new one.
     */
    void upkeep(long now, long maxAge) {
        for (KindPool kind : workers.values()) {
            kind.takeStale(now, maxAge).forEach(w -> destroy(kind, w.container()));
        }
    }

    void onStop(@Observes @Priority(100) ShutdownEvent event) {
        stopping = true;
        workers.values().forEach(kind -> {
            for (ReusableContainer w = kind.idle.pollFirst(); w != null; w = kind.idle.pollFirst()) {
                destroy(kind, w.container());
            }
        });
    }
}
