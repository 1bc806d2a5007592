package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A stdin-only attach to a container, opened ahead of time and fed once. The container is
 * created with StdinOnce, so closing this attach after the last byte makes the engine close the
 * program's stdin: the program sees EOF right after its input. (docker-java's transports never
 * half-close the connection themselves.) The close waits for the attach to have started, or the
 * engine would never see it; the transport's own thread does all blocking writes.
 */
final class StdinFeeder implements Closeable {

    private final ResultCallback.Adapter<Frame> attach;
    private final CompletableFuture<byte[]> bytes;

    private StdinFeeder(ResultCallback.Adapter<Frame> attach, CompletableFuture<byte[]> bytes) {
        this.attach = attach;
        this.bytes = bytes;
    }

    /** Attaches to the container's stdin and waits until the attach stands (at most the timeout). */
    static StdinFeeder open(DockerClient docker, String containerId, long timeoutMs) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        CompletableFuture<Void> drained = new CompletableFuture<>();
        CompletableFuture<byte[]> bytes = new CompletableFuture<>();
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onStart(Closeable stream) {
                super.onStart(stream);
                started.complete(null);
            }
        };
        docker.attachContainerCmd(containerId).withStdIn(new DeferredStream(bytes, drained))
                .withFollowStream(true).exec(callback);
        StdinFeeder feeder = new StdinFeeder(callback, bytes);
        drained.thenRun(feeder::close);
        try {
            started.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while attaching stdin", e);
        } catch (ExecutionException | TimeoutException e) {
            feeder.close();
            throw new IllegalStateException("stdin attach did not start", e);
        }
        return feeder;
    }

    /** Hands the bytes to the transport's writer thread; returns at once. */
    void send(byte[] data) {
        bytes.complete(data);
    }

    @Override
    public void close() {
        bytes.complete(new byte[0]);
        try {
            attach.close();
        } catch (IOException | RuntimeException e) {
            // the connection is gone already: nothing left to close
        }
    }

    /** Blocks the transport's writer thread until the bytes are known; signals when all are read. */
    private static final class DeferredStream extends InputStream {

        private final CompletableFuture<byte[]> source;
        private final CompletableFuture<Void> drained;
        private byte[] data;
        private int pos;

        DeferredStream(CompletableFuture<byte[]> source, CompletableFuture<Void> drained) {
            this.source = source;
            this.drained = drained;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (data == null) {
                try {
                    data = source.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                } catch (ExecutionException e) {
                    throw new IOException(e);
                }
            }
            if (pos >= data.length) {
                drained.complete(null);
                return -1;
            }
            int n = Math.min(len, data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
