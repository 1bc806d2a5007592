package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/**
 * Feeds bytes to a container's stdin through a stdin-only attach, and closes that attach once the
 * last byte is written. The container is created with StdinOnce, so closing the attach makes the
 * engine close the program's stdin: the program sees EOF right after its input. (docker-java's
 * transports never half-close the connection themselves.) The close waits for the attach to have
 * started, or the engine would never see it.
 */
final class StdinFeeder implements Closeable {

    private final ResultCallback.Adapter<Frame> attach;

    private StdinFeeder(ResultCallback.Adapter<Frame> attach) {
        this.attach = attach;
    }

    static StdinFeeder feed(DockerClient docker, String containerId, byte[] bytes) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        CompletableFuture<Void> drained = new CompletableFuture<>();
        InputStream in = new EofSignallingStream(bytes, drained);
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onStart(Closeable stream) {
                super.onStart(stream);
                started.complete(null);
            }
        };
        docker.attachContainerCmd(containerId).withStdIn(in).withFollowStream(true).exec(callback);
        StdinFeeder feeder = new StdinFeeder(callback);
        CompletableFuture.allOf(started, drained).thenRun(feeder::close);
        return feeder;
    }

    @Override
    public void close() {
        try {
            attach.close();
        } catch (IOException | RuntimeException e) {
            // the connection is gone already: nothing left to close
        }
    }

    /** Completes {@code drained} when the transport has read (and so written) the last byte. */
    private static final class EofSignallingStream extends ByteArrayInputStream {

        private final CompletableFuture<Void> drained;

        EofSignallingStream(byte[] bytes, CompletableFuture<Void> drained) {
            super(bytes);
            this.drained = drained;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            if (n == -1) {
                drained.complete(null);
            }
            return n;
        }
    }
}
