package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.metrics.Metrics;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Removes the containers other instances of the service left behind when they died. A live
 * instance never keeps a container longer than a bound (a run ends within max-timeout plus a
 * grace; a pooled container is recycled after pool.max-idle), so a container of another instance
 * older than code-exec.docker.reap-after (by default that bound plus a minute) is an orphan. Never
 * a live instance's: its containers are younger. Runs at startup and every reap-every.
 */
@ApplicationScoped
public class OrphanReaper {

    private static final Logger LOG = Logger.getLogger(OrphanReaper.class);

    private final DockerClient docker;
    private final ContainerLabels labels;
    private final ContainerJanitor janitor;
    private final Metrics metrics;
    private final Duration reapAfter;

    public OrphanReaper(DockerClient docker, ContainerLabels labels, ContainerJanitor janitor, Metrics metrics,
            CodeExecConfig config) {
        this.docker = docker;
        this.labels = labels;
        this.janitor = janitor;
        this.metrics = metrics;
        // A live instance's container waits at most pool.max-idle, then serves one request, which
        // the guard ends within guard-timeout-ms (compilation and every test case included).
        this.reapAfter = config.docker().reapAfter().orElse(config.pool().maxIdle()
                .plus(Duration.ofMillis(config.execution().guardTimeoutMs())).plus(Duration.ofMinutes(1)));
    }

    @Scheduled(every = "${code-exec.docker.reap-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reapPeriodically() {
        try {
            reap();
        } catch (RuntimeException e) {
            LOG.debugf("could not look for orphaned containers: %s", e.getMessage());
        }
    }

    /** Removes other instances' containers older than reap-after; returns how many. */
    public int reap() {
        long now = System.currentTimeMillis() / 1000;
        long oldest = now - reapAfter.toSeconds();
        List<Container> theirs = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(labels.serviceFilter()).exec().stream()
                .filter(c -> !labels.isOwn(c.getLabels()))
                .toList();
        // A session's container outlives the age bound; it is an orphan once no instance can serve it.
        List<Container> orphans = theirs.stream()
                .filter(c -> !ContainerLabels.isSession(c.getLabels()) && c.getCreated() != null && c.getCreated() < oldest)
                .toList();
        List<Container> sessions = theirs.stream().filter(c -> labels.isDeadSession(c.getLabels(), now)).toList();
        orphans.forEach(c -> janitor.remove(c.getId(), true));
        sessions.forEach(c -> janitor.remove(c.getId(), true));
        if (!orphans.isEmpty()) {
            LOG.infof("removed %d container(s) of dead instances (older than %s)", orphans.size(), reapAfter);
        }
        if (!sessions.isEmpty()) {
            LOG.infof("removed %d session container(s) no instance serves (this replica's before a restart, or past "
                    + "their end): their sessions are gone", sessions.size());
        }
        if (orphans.size() + sessions.size() > 0) {
            metrics.reaped(orphans.size() + sessions.size());
        }
        return orphans.size() + sessions.size();
    }
}
