package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * The default of code-exec.execution.max-concurrent: the Docker engine's CPUs (docker info NCPU,
 * which is what every run shares) divided by the CPU quota of one run (code-exec.limits.cpus), at
 * least 1. Asked once, when the setting is first read at startup; when the engine does not answer
 * within a few seconds, the cores this process sees stand in for the engine's (the usual case is
 * one machine). Lowest priority: any configured value wins (in Kubernetes the chart sets it from
 * the engine sidecar's CPU limit, since dockerd there reports the node's CPUs).
 */
public class EngineCpusConfigSourceFactory implements ConfigSourceFactory {

    static final String MAX_CONCURRENT = "code-exec.execution.max-concurrent";
    private static final Logger LOG = Logger.getLogger(EngineCpusConfigSourceFactory.class);

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        double quota = value(context, "code-exec.limits.cpus").map(Double::parseDouble).orElse(1.0);
        Optional<String> host = value(context, "code-exec.docker.host");
        return List.of(new Default(() -> String.valueOf(slots(engineCpus(host), quota))));
    }

    static int slots(int cpus, double quota) {
        return Math.max(1, (int) Math.floor(cpus / quota + 1e-9));
    }

    private static int engineCpus(Optional<String> host) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        host.ifPresent(builder::withDockerHost);
        DefaultDockerClientConfig config = builder.build();
        try (DockerClient docker = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(2)).responseTimeout(Duration.ofSeconds(3)).build())) {
            Integer cpus = docker.infoCmd().exec().getNCPU();
            if (cpus != null && cpus > 0) {
                return cpus;
            }
        } catch (Exception e) {
            LOG.warnf("could not ask the Docker engine for its CPUs (%s); sizing runs by this machine's cores", e.getMessage());
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static Optional<String> value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null ? Optional.empty() : Optional.of(value.getValue());
    }

    /** The default, computed when first asked for (never at build time, nor when configured). */
    private static final class Default implements ConfigSource {
        private final java.util.function.Supplier<String> compute;
        private volatile String value;

        Default(java.util.function.Supplier<String> compute) {
            this.compute = compute;
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of(MAX_CONCURRENT, getValue(MAX_CONCURRENT));
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of(MAX_CONCURRENT);
        }

        @Override
        public synchronized String getValue(String name) {
            if (!MAX_CONCURRENT.equals(name)) {
                return null;
            }
            if (value == null) {
                value = compute.get();
            }
            return value;
        }

        @Override
        public String getName() {
            return "engine-cpus";
        }

        @Override
        public int getOrdinal() {
            return 1;
        }
    }
}
