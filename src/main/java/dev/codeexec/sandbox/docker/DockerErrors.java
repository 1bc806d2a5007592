package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

/** Sorts failed engine calls into a few bounded kinds for metrics and logs. */
final class DockerErrors {

    private DockerErrors() {
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
            if (t instanceof SocketTimeoutException) {
                return "timeout";
            }
            if (t instanceof ConnectException || t instanceof java.nio.channels.ClosedChannelException
                    || (t.getMessage() != null && t.getMessage().contains("Connection refused"))) {
                return "connect";
            }
        }
        return "other";
    }
}
