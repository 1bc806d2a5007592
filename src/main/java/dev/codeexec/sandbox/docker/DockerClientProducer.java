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

/** The one Docker client of the service: DOCKER_HOST (or code-exec.docker.host), with timeouts. */
public class DockerClientProducer {

    @Produces
    @Singleton
    DockerClient dockerClient(CodeExecConfig config) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        config.docker().host().ifPresent(builder::withDockerHost);
        DefaultDockerClientConfig clientConfig = builder.build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(clientConfig.getDockerHost())
                .sslConfig(clientConfig.getSSLConfig())
                .maxConnections(config.docker().maxConnections())
                .connectionTimeout(config.docker().connectTimeout())
                .responseTimeout(config.docker().responseTimeout())
                .build();
        return DockerClientImpl.getInstance(clientConfig, http);
    }

    void close(@Disposes DockerClient client) throws IOException {
        client.close();
    }
}
