package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A stdin-only attach to a container, opened ahead of time and written command by command (the
 * launcher's protocol). The transport's own thread does the blocking writes and flushes each
 * chunk; {@link #send} returns at once. Closing ends the stream, so the launcher sees EOF.
 */
final class StdinChannel implements Closeable {

    private static final byte[] END = new byte[0];

    private final LinkedBlockingQueue<byte[]> chunks;
    private final ResultCallback.Adapter<Frame> attach;

    private StdinChannel(LinkedBlockingQueue<byte[]> chunks, ResultCallback.Adapter<Frame> attach) {
        this.chunks = chunks;
        this.attach = attach;
    }

    /** Attaches to the container's stdin and waits until the attach stands (at most the timeout). */
    static StdinChannel open(DockerClient docker, String containerId, long timeoutMs) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onStart(Closeable stream) {
                super.onStart(stream);
                started.complete(null);
            }
        };
        docker.attachContainerCmd(containerId).withStdIn(new QueueStream(chunks)).withFollowStream(true).exec(callback);
        StdinChannel channel = new StdinChannel(chunks, callback);
        try {
            started.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            throw new IllegalStateException("interrupted while attaching stdin", e);
        } catch (ExecutionException | TimeoutException e) {
            channel.close();
            throw new DockerErrors.EngineTimeoutException("stdin attach did not start", e);
        }
        return channel;
    }

    /**
     * Starts an exec made with stdin attached: its output goes to {@code output} (on the same
     * connection), and the returned channel feeds its stdin. Closing it closes that connection.
     */
    static StdinChannel exec(DockerClient docker, String execId, ResultCallback.Adapter<Frame> output) {
        LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
        docker.execStartCmd(execId).withStdIn(new QueueStream(chunks)).exec(output);
        return new StdinChannel(chunks, output);
    }

    /** Queues bytes for the container's stdin. */
    void send(byte[] data) {
        if (data.length > 0) {
            chunks.add(data);
        }
    }

    @Override
    public void close() {
        chunks.add(END);
        try {
            attach.close();
        } catch (IOException | RuntimeException e) {
            // the connection is gone already: nothing left to close
        }
    }

    /** Blocks the transport's writer thread until the next chunk; ends at END. */
    private static final class QueueStream extends InputStream {

        private final LinkedBlockingQueue<byte[]> chunks;
        private byte[] current;
        private int pos;
        private boolean ended;

        QueueStream(LinkedBlockingQueue<byte[]> chunks) {
            this.chunks = chunks;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            if (current == null || pos == current.length) {
                try {
                    current = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                pos = 0;
                if (current == END) {
                    ended = true;
                    return -1;
                }
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
