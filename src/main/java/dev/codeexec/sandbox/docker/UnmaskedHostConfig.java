package dev.codeexec.sandbox.docker;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.dockerjava.api.model.HostConfig;
import java.util.List;

/**
 * A host config with the engine's masked and read-only /proc paths turned off (the CLI's
 * {@code --security-opt systempaths=unconfined}, which docker-java has no field for). Only for
 * throughput-mode containers: bubblewrap can mount a fresh /proc for each step only where no path
 * of the container's /proc is covered. Programs never see the container's /proc, only their own.
 */
final class UnmaskedHostConfig extends HostConfig {

    private static final long serialVersionUID = 1L;

    @JsonProperty("MaskedPaths")
    private final List<String> maskedPaths = List.of();

    @JsonProperty("ReadonlyPaths")
    private final List<String> readonlyPaths = List.of();

    List<String> maskedPaths() {
        return maskedPaths;
    }

    List<String> readonlyPaths() {
        return readonlyPaths;
    }
}
