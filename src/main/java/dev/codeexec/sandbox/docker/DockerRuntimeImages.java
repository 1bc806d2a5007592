package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.config.ImagesConfig;
import dev.codeexec.sandbox.RuntimeImages;
import dev.codeexec.sandbox.SandboxUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Finds, pulls or builds runtime images on the Docker engine. The project's images are
 * {@code <repository>/<language>:<hash>}, each built FROM {@code <repository>/base:<hash>} (launcher,
 * users, directories), so every language shares that layer and a changed file gets a new tag.
 */
@ApplicationScoped
public class DockerRuntimeImages implements RuntimeImages {

    private static final Logger LOG = Logger.getLogger(DockerRuntimeImages.class);

    private final DockerClient docker;
    private final ImagesConfig config;
    private String base;

    public DockerRuntimeImages(@Streaming DockerClient docker, CodeExecConfig config) {
        this.docker = docker;
        this.config = config.images();
    }

    @Override
    public String ensure(String languageId, Optional<String> configuredImage, List<String> extraPackages) {
        try {
            String image = language(languageId, configuredImage);
            return extraPackages.isEmpty() ? image : extended(languageId, image, extraPackages);
        } catch (RuntimeException e) {
            throw new SandboxUnavailableException("no image for " + languageId + ": " + e.getMessage(), e);
        }
    }

    private String language(String languageId, Optional<String> configuredImage) {
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
        return provide(name(languageId, context.hash(baseName())), context, languageId, this::base);
    }

    /**
     * The language's image with the operator's extra packages: {@code <repository>/<language>-extended:<hash>},
     * the hash over the bundled extend/ context, the list and the image it is built FROM (so replicas
     * with the same settings name, pull or build the same image).
     */
    private String extended(String languageId, String from, List<String> packages) {
        BuildContext bundled = BuildContext.bundled("extend");
        if (bundled == null) {
            throw new IllegalStateException("no extend/Dockerfile bundled");
        }
        BuildContext context = bundled.with("packages.txt",
                (String.join("\n", packages) + "\n").getBytes(StandardCharsets.UTF_8));
        return provide(name(languageId + "-extended", context.hash(from)), context, languageId, () -> from);
    }

    /** A project image: present, pulled from the operator's registry (if asked), or built FROM the given one. */
    private String provide(String image, BuildContext context, String folder, Supplier<String> from) {
        if (!present(image) && !(config.pull() && pull(image))) {
            if (!config.build()) {
                throw new IllegalStateException("image " + image + " is absent and building is off");
            }
            build(image, context, folder, from.get());
        }
        return image;
    }

    /** The shared base image's name: its tag hashes the base Dockerfile, the launcher and the OS image. */
    private String baseName() {
        BuildContext context = BuildContext.bundled("base");
        if (context == null) {
            throw new IllegalStateException("no base Dockerfile bundled");
        }
        return name("base", context.hash(config.baseImage()));
    }

    /** The shared base image, made present once (only needed to build a language image). */
    private synchronized String base() {
        if (base == null) {
            String image = baseName();
            if (!present(image) && !(config.pull() && pull(image))) {
                build(image, BuildContext.bundled("base"), "base", config.baseImage());
            }
            base = image;
        }
        return base;
    }

    /**
     * Project images are pulled only from a registry the operator named (code-exec.images.repository):
     * the default repository name "code-exec" could be squatted on a public registry.
     */
    private String name(String folder, String hash) {
        return config.repository() + "/" + folder + ":" + hash;
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

    private void build(String image, BuildContext context, String folder, String from) {
        LOG.infof("building %s from the bundled Dockerfile (FROM %s)", image, from);
        long start = System.nanoTime();
        var build = docker.buildImageCmd(new ByteArrayInputStream(context.tar()));
        config.buildArgs().forEach(build::withBuildArg);
        String id = build
                .withTags(Set.of(image))
                .withBuildArg("BASE_IMAGE", from)
                .withNetworkMode(config.buildNetwork())
                .withPull(false)
                .withRemove(true)
                .withForcerm(true)
                .withLabels(Map.of(ContainerLabels.SERVICE, "code-exec", ContainerLabels.LANGUAGE, folder))
                .exec(new TailedBuild())
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
