package dev.codeexec.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After every test class that runs programs: asks the engine itself (not the service) for run
 * containers of the test instance, allowing a moment for the asynchronous removals, and fails if
 * any is left. (Warm-pool containers waiting for a run are expected while the service is up;
 * WarmPoolTest checks those.)
 */
public class NoLeftoverContainers implements AfterAllCallback {

    private static final String INSTANCE = PooledContainers.INSTANCE;

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try (DockerClient docker = Docker.client()) {
            List<String> left = List.of();
            for (int i = 0; i < 50; i++) {
                left = docker.listContainersCmd().withShowAll(true)
                        .withLabelFilter(List.of("dev.codeexec.instance=" + INSTANCE, "dev.codeexec.pooled=false")).exec()
                        .stream().map(Container::getId).toList();
                if (left.isEmpty()) {
                    return;
                }
                Api.sleep(100);
            }
            assertEquals(List.of(), left, "containers left behind by " + context.getDisplayName());
        }
    }
}
