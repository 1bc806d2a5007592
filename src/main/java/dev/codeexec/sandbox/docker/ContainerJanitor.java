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
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Kills and removes containers off the request path, and reaps every container of this instance
 * (found by label) at startup and at shutdown, so nothing outlives the service.
 */
@ApplicationScoped
public class ContainerJanitor {

    private static final Logger LOG = Logger.getLogger(ContainerJanitor.class);

    private final DockerClient docker;
    private final ContainerLabels labels;
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "container-janitor");
        t.setDaemon(true);
        return t;
    });

    private final Metrics metrics;

    public ContainerJanitor(DockerClient docker, ContainerLabels labels, Metrics metrics) {
        this.docker = docker;
        this.labels = labels;
        this.metrics = metrics;
    }

    void track(String id) {
        live.add(id);
    }

    /** Schedules a SIGKILL of the whole container; never blocks the caller. */
    void killLater(String id) {
        executor.execute(() -> kill(id));
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

    /** Schedules the forced removal of a container. */
    void removeLater(String id) {
        executor.execute(() -> remove(id));
    }

    /** Forced removal, tried up to three times (removal is safe to repeat). */
    private void remove(String id) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            long start = System.nanoTime();
            try {
                docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
                live.remove(id);
                return;
            } catch (NotFoundException | ConflictException e) {
                live.remove(id); // gone already, or its removal is in progress
                return;
            } catch (RuntimeException e) {
                metrics.dockerError(DockerErrors.kind(e));
                if (attempt == 3) {
                    LOG.warnf("could not remove container %s: %s", id, e.getMessage());
                    return;
                }
                sleep(200L * attempt);
            } finally {
                metrics.phase(Phase.REMOVE, System.nanoTime() - start);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes every container labelled with this instance; returns how many. */
    public int reapInstance() {
        List<Container> leftovers = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(labels.instanceFilter())
                .exec();
        leftovers.forEach(c -> remove(c.getId()));
        metrics.reaped(leftovers.size());
        return leftovers.size();
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        live.forEach(this::remove);
        try {
            int reaped = reapInstance();
            if (reaped > 0) {
                LOG.infof("removed %d leftover container(s) at shutdown", reaped);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not reap containers at shutdown: %s", e.getMessage());
        }
    }
}
