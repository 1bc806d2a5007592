package dev.codeexec.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Runtime image provisioning ({@code code-exec.images.*}). */
public interface ImagesConfig {
    /** Base image the bundled runtime Dockerfiles build FROM (via the project's base image). */
    @WithDefault("debian:bookworm-slim")
    String baseImage();

    /** Repository part of the project's runtime image names: {@code <repository>/<language>:<hash>}. */
    @WithDefault("code-exec")
    String repository();

    /** Pull absent project images from {@code repository} (a registry the operator pushed them to). */
    @WithDefault("false")
    boolean pull();

    /** Build absent project images from the bundled Dockerfiles (false: they must be present or pulled). */
    @WithDefault("true")
    boolean build();

    /** Image builds at once when provisioning. */
    @WithDefault("4")
    int parallelBuilds();

    /** Extra build arguments for every image build (e.g. EXTRA_CA_PEM or MAVEN_REPO for the optional JVM languages). */
    Map<String, String> buildArgs();

    /** Network mode of image builds (host lets apt reach the archive on hosts where the bridge cannot). */
    @WithDefault("host")
    String buildNetwork();

    /** Longest a pull may take. */
    @WithDefault("2m")
    Duration pullTimeout();

    /** Longest one image build may take. */
    @WithDefault("15m")
    Duration buildTimeout();
}
