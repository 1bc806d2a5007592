package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.codeexec.config.CodeExecConfig;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;

/** The one Docker client of the service: DOCKER_HOST (or code-exec.docker.host), with timeouts. */
public class DockerClientProducer {

    /** For request/response calls: answers must come within code-exec.docker.response-timeout. */
    @Produces
    @Singleton
    DockerClient dockerClient(CodeExecConfig config) {
        return client(config, config.docker().responseTimeout());
    }

    /**
     * For streams that may stay silent for long (attach to a pooled container, wait, image builds):
     * no response timeout; the service bounds each of them itself.
     */
    @Produces
    @Singleton
    @Streaming
    DockerClient streamingClient(CodeExecConfig config) {
        return client(config, Duration.ZERO);
    }

    private static DockerClient client(CodeExecConfig config, Duration responseTimeout) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        config.docker().host().ifPresent(builder::withDockerHost);
        DefaultDockerClientConfig clientConfig = builder.build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(clientConfig.getDockerHost())
                .sslConfig(clientConfig.getSSLConfig())
                .maxConnections(config.docker().maxConnections())
                .connectionTimeout(config.docker().connectTimeout())
                .responseTimeout(responseTimeout)
                .build();
        return DockerClientImpl.getInstance(clientConfig, http);
    }

    void close(@Disposes DockerClient client) throws IOException {
        client.close();
    }

    void closeStreaming(@Disposes @Streaming DockerClient client) throws IOException {
        client.close();
    }
}
