package dev.codeexec.sandbox.docker;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import dev.codeexec.sandbox.SandboxUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** Only engine and transport faults may count as "engine unavailable" (503, circuit breaker); bugs stay bugs. */
class DockerErrorsTest {

    @Test
    void engineAndTransportFaultsAreUnavailability() {
        assertInstanceOf(SandboxUnavailableException.class,
                DockerErrors.unavailable("create", new InternalServerErrorException("runc failed")));
        assertInstanceOf(SandboxUnavailableException.class,
                DockerErrors.unavailable("create", new UncheckedIOException(new IOException("socket closed"))));
        assertInstanceOf(SandboxUnavailableException.class,
                DockerErrors.unavailable("create", new RuntimeException(new java.net.ConnectException("refused"))));
        assertInstanceOf(SandboxUnavailableException.class,
                DockerErrors.unavailable("attach", new DockerErrors.EngineTimeoutException("attach did not start", null)));
    }

    @Test
    void ourOwnBugsAreNotDisguisedAsAnEngineOutage() {
        NullPointerException npe = new NullPointerException("a bug");
        assertSame(npe, DockerErrors.unavailable("run", npe));
        IllegalStateException bad = new IllegalStateException("launcher: bad step command");
        assertSame(bad, DockerErrors.unavailable("run", bad));
    }
}
