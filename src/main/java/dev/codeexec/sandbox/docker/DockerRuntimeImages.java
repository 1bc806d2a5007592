package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.sandbox.RuntimeImages;
import dev.codeexec.sandbox.SandboxUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Finds, pulls or builds runtime images on the Docker engine. */
@ApplicationScoped
public class DockerRuntimeImages implements RuntimeImages {

    private static final Logger LOG = Logger.getLogger(DockerRuntimeImages.class);

    private final DockerClient docker;
    private final CodeExecConfig.ImagesConfig config;

    public DockerRuntimeImages(@Streaming DockerClient docker, CodeExecConfig config) {
        this.docker = docker;
        this.config = config.images();
    }

    @Override
    public String ensure(String languageId, Optional<String> configuredImage) {
        try {
            if (configuredImage.isPresent()) {
                String image = configuredImage.get();
                if (!present(image) && !pull(image)) {
                    throw new IllegalStateException("image " + image + " is neither present nor pullable");
                }
                return image;
            }
            BuildContext context = BuildContext.bundled(languageId);
            if (context == null) {
                throw new IllegalStateException("no Dockerfile bundled for " + languageId);
            }
            // Never pulled: the name is the project's own and could be squatted on a public registry,
            // and its content is fully determined by the bundled sources, so it is built here.
            String image = "code-exec/" + languageId + ":" + context.hash(config.baseImage());
            if (!present(image)) {
                build(image, context, languageId);
            }
            return image;
        } catch (RuntimeException e) {
            throw new SandboxUnavailableException("no image for " + languageId + ": " + e.getMessage(), e);
        }
    }

    private boolean present(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private boolean pull(String image) {
        try {
            LOG.infof("pulling %s", image);
            return docker.pullImageCmd(image).exec(new QuietPull())
                    .awaitCompletion(config.pullTimeout().toMillis(), TimeUnit.MILLISECONDS) && present(image);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            LOG.infof("pull of %s failed (%s)", image, e.getMessage());
            return false;
        }
    }

    private void build(String image, BuildContext context, String languageId) {
        LOG.infof("building %s from the bundled Dockerfile (base %s)", image, config.baseImage());
        long start = System.nanoTime();
        String id = docker.buildImageCmd(new ByteArrayInputStream(context.tar()))
                .withTags(Set.of(image))
                .withBuildArg("BASE_IMAGE", config.baseImage())
                .withNetworkMode(config.buildNetwork())
                .withPull(false)
                .withRemove(true)
                .withForcerm(true)
                .withLabels(Map.of(ContainerLabels.SERVICE, "code-exec", ContainerLabels.LANGUAGE, languageId))
                .exec(new BuildImageResultCallback())
                .awaitImageId(config.buildTimeout().toSeconds(), TimeUnit.SECONDS);
        LOG.infof("built %s (%s) in %d s", image, id, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    }

    /** A pull whose failure is an expected answer (no registry, no such image), not a logged error. */
    private static final class QuietPull extends PullImageResultCallback {
        @Override
        public void onError(Throwable throwable) {
            LOG.infof("pull failed: %s", throwable.getMessage());
            try {
                close();
            } catch (java.io.IOException ignored) {
                // closing a failed stream
            }
        }
    }
}
