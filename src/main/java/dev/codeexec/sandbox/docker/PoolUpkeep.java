package dev.codeexec.sandbox.docker;

import dev.codeexec.config.CodeExecConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one upkeep of both pools, the warm containers ({@link DockerWarmPool}) and the throughput
 * workers ({@link WorkerPool}): on one schedule ({@code code-exec.pool.upkeep-interval}, 1 s), with
 * one rule for idle containers ({@link IdleContainer#takeStale}: dead, or older than
 * {@code pool.max-idle}); the warm pool then refills, the workers are made again on demand.
 */
@ApplicationScoped
class PoolUpkeep {

    private final DockerWarmPool warm;
    private final WorkerPool workers;
    private final long maxAge;

    PoolUpkeep(DockerWarmPool warm, WorkerPool workers, CodeExecConfig config) {
        this.warm = warm;
        this.workers = workers;
        this.maxAge = config.pool().maxIdle().toNanos();
    }

    @Scheduled(every = "${code-exec.pool.upkeep-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        long now = System.nanoTime();
        warm.upkeep(now, maxAge);
        workers.upkeep(now, maxAge);
    }
}
