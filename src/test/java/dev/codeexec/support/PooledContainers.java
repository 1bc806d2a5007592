package dev.codeexec.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.util.ArrayList;
import java.util.List;

/** The test service's pooled containers (warm pool, throughput workers), asked of the engine itself. */
public final class PooledContainers {

    /** The test instance's id: %test's, unless the build set another (-Dcode-exec.docker.instance-id=...). */
    public static final String INSTANCE = System.getProperty("code-exec.docker.instance-id", "code-exec-test");

    private PooledContainers() {
    }

    /** Running ones (every state with {@code all}) that carry the further labels too, e.g. {@code dev.codeexec.language=python}. */
    public static List<Container> list(DockerClient docker, boolean all, String... labels) {
        List<String> filter = new ArrayList<>(List.of("dev.codeexec.instance=" + INSTANCE, "dev.codeexec.pooled=true"));
        filter.addAll(List.of(labels));
        return docker.listContainersCmd().withShowAll(all).withLabelFilter(filter).exec();
    }

    /** The ids of a language's running pooled containers. */
    public static List<String> ids(DockerClient docker, String language) {
        return list(docker, false, "dev.codeexec.language=" + language).stream().map(Container::getId).toList();
    }
}
