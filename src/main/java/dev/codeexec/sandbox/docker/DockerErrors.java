package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.codeexec.sandbox.SandboxUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

/** Sorts failed engine calls: engine and transport faults apart from our own bugs, and by kind for metrics. */
final class DockerErrors {

    private DockerErrors() {
    }

    /**
     * An engine or transport fault becomes "sandbox unavailable" (503, counted by the circuit
     * breaker); anything else is a bug of ours and stays what it is (500).
     */
    static RuntimeException unavailable(String step, RuntimeException e) {
        if (e instanceof SandboxUnavailableException) {
            return e;
        }
        if (!engineFault(e)) {
            return e;
        }
        String detail = e instanceof DockerException d ? d.getHttpStatus() + " " + d.getMessage() : e.toString();
        return new SandboxUnavailableException("Docker engine failed to " + step + " the container: " + detail, e);
    }

    static boolean engineFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DockerException || t instanceof DockerClientException || t instanceof IOException
                    || t instanceof EngineTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static String kind(Throwable e) {
        if (e instanceof NotFoundException) {
            return "not_found";
        }
        if (e instanceof ConflictException) {
            return "conflict";
        }
        if (e instanceof DockerException d && d.getHttpStatus() >= 500) {
            return "server";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof EngineTimeoutException) {
                return "timeout";
            }
            if (t instanceof ConnectException || t instanceof java.nio.channels.ClosedChannelException
                    || (t.getMessage() != null && t.getMessage().contains("Connection refused"))) {
                return "connect";
            }
        }
        return "other";
    }

    /** The engine did not do something (attach, start a stream) within the service's own bound. */
    static final class EngineTimeoutException extends RuntimeException {
        EngineTimeoutException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
