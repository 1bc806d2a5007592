package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.quarkus.runtime.ShutdownEvent;
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

    public ContainerJanitor(DockerClient docker, ContainerLabels labels) {
        this.docker = docker;
        this.labels = labels;
    }

    void track(String id) {
        live.add(id);
    }

    /** Schedules a SIGKILL of the whole container; never blocks the caller. */
    void killLater(String id) {
        executor.execute(() -> {
            try {
                docker.killContainerCmd(id).exec();
            } catch (NotFoundException | ConflictException e) {
                // already stopped or gone
            } catch (RuntimeException e) {
                LOG.warnf("could not kill container %s: %s", id, e.getMessage());
            }
        });
    }

    /** Schedules the forced removal of a container. */
    void removeLater(String id) {
        executor.execute(() -> remove(id));
    }

    private void remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            live.remove(id);
        } catch (NotFoundException e) {
            live.remove(id);
        } catch (ConflictException e) {
            live.remove(id); // removal already in progress
        } catch (RuntimeException e) {
            LOG.warnf("could not remove container %s: %s", id, e.getMessage());
        }
    }

    /** Removes every container labelled with this instance; returns how many. */
    public int reapInstance() {
        List<Container> leftovers = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(labels.instanceFilter())
                .exec();
        leftovers.forEach(c -> remove(c.getId()));
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
