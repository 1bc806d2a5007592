package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.quarkus.runtime.ShutdownEvent;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.metrics.Metrics.Phase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Kills and removes containers off the request path, and reaps every container of this instance
 * (found by label) at startup and at shutdown, so nothing outlives the service. Kills have threads
 * of their own: a kill stops a program that burns CPU (a timeout, an output flood, a client gone),
 * so it never waits behind removals; a removal that fails is retried later, by the scheduler of the
 * removal threads, never by sleeping on a thread.
 */
@ApplicationScoped
public class ContainerJanitor {

    private static final Logger LOG = Logger.getLogger(ContainerJanitor.class);
    private static final int REMOVE_ATTEMPTS = 3;

    private final DockerClient docker;
    private final ContainerLabels labels;
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final ExecutorService kills = Executors.newFixedThreadPool(2, daemon("container-killer"));
    private final ScheduledExecutorService removals = Executors.newScheduledThreadPool(2, daemon("container-remover"));

    private final Metrics metrics;

    public ContainerJanitor(DockerClient docker, ContainerLabels labels, Metrics metrics) {
        this.docker = docker;
        this.labels = labels;
        this.metrics = metrics;
    }

    void track(String id) {
        live.add(id);
    }

    /** Schedules a SIGKILL of the whole container; never blocks the caller, never waits for removals. */
    void killLater(String id) {
        kills.execute(() -> kill(id));
    }

    /** SIGKILLs the whole container now. */
    void kill(String id) {
        long start = System.nanoTime();
        try {
            docker.killContainerCmd(id).exec();
        } catch (NotFoundException | ConflictException e) {
            // already stopped or gone
        } catch (RuntimeException e) {
            metrics.dockerError(DockerErrors.kind(e));
            LOG.warnf("could not kill container %s: %s", id, e.getMessage());
        } finally {
            metrics.phase(Phase.KILL, System.nanoTime() - start);
        }
    }

    /** Schedules the forced removal of a container (retried up to three times; removal is safe to repeat). */
    void removeLater(String id) {
        removals.execute(() -> removeOrRetry(id, 1));
    }

    private void removeOrRetry(String id, int attempt) {
        if (!remove(id, attempt == REMOVE_ATTEMPTS) && !removals.isShutdown()) {
            removals.schedule(() -> removeOrRetry(id, attempt + 1), 200L * attempt, TimeUnit.MILLISECONDS);
        }
    }

    /** One forced removal; true when the container is gone (or must be given up). */
    boolean remove(String id, boolean last) {
        long start = System.nanoTime();
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            live.remove(id);
            return true;
        } catch (NotFoundException | ConflictException e) {
            live.remove(id); // gone already, or its removal is in progress
            return true;
        } catch (RuntimeException e) {
            metrics.dockerError(DockerErrors.kind(e));
            if (last) {
                LOG.warnf("could not remove container %s: %s", id, e.getMessage());
            }
            return last;
        } finally {
            metrics.phase(Phase.REMOVE, System.nanoTime() - start);
        }
    }

    /** Removes every container labelled with this instance; returns how many. */
    public int reapInstance() {
        List<Container> leftovers = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(labels.instanceFilter())
                .exec();
        leftovers.forEach(c -> remove(c.getId(), true));
        metrics.reaped(leftovers.size());
        long sessions = leftovers.stream().filter(c -> ContainerLabels.isSession(c.getLabels())).count();
        if (sessions > 0) {
            LOG.infof("removed %d session container(s): a session ends with the "
                    + "process that held it", sessions);
        }
        return leftovers.size();
    }

    void onStop(@Observes ShutdownEvent event) {
        kills.shutdown();
        removals.shutdown();
        try {
            kills.awaitTermination(5, TimeUnit.SECONDS);
            removals.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        live.forEach(id -> remove(id, true));
        try {
            int reaped = reapInstance();
            if (reaped > 0) {
                LOG.infof("removed %d leftover container(s) at shutdown", reaped);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not reap containers at shutdown: %s", e.getMessage());
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
