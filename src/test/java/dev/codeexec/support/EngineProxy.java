package dev.codeexec.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of the real engine's unix socket, which a test can cut and
 * restore to simulate an engine outage, or hold (nothing reaches the engine until released) to
 * simulate a stalled one, without touching the engine itself.
 */
public final class EngineProxy {

    private static final Path SOCKET = Path.of("/var/run/docker.sock");

    private final int port;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocketChannel server;
    private volatile boolean held;

    public EngineProxy(int port) {
        this.port = port;
    }

    private static final String SHARED = "code-exec.test.engine-proxy";

    /**
     * The one proxy of this JVM. Quarkus loads test classes in more than one class loader, so the
     * instance is published through system properties as JDK types only (port, stop, start).
     */
    public static synchronized Shared shared() {
        Object[] published = (Object[]) System.getProperties().get(SHARED);
        if (published == null) {
            try {
                EngineProxy proxy = new EngineProxy(freePort());
                proxy.start();
                Runnable stop = () -> unchecked(proxy::stop);
                Runnable start = () -> unchecked(proxy::start);
                Runnable hold = () -> proxy.hold(true);
                Runnable release = () -> proxy.hold(false);
                published = new Object[] {proxy.port(), stop, start, hold, release};
                System.getProperties().put(SHARED, published);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new Shared((Integer) published[0], (Runnable) published[1], (Runnable) published[2],
                (Runnable) published[3], (Runnable) published[4]);
    }

    /** The shared proxy as seen from any class loader. */
    public record Shared(int port, Runnable stop, Runnable start, Runnable hold, Runnable release) {
    }

    /** Held: what the service sends waits in the proxy (the engine seems to hang) until released. */
    public void hold(boolean on) {
        synchronized (this) {
            held = on;
            notifyAll();
        }
    }

    private void awaitRelease() throws IOException {
        synchronized (this) {
            while (held) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocketChannel s = ServerSocketChannel.open()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return ((InetSocketAddress) s.getLocalAddress()).getPort();
        }
    }

    public int port() {
        return port;
    }

    /** Starts accepting and forwarding connections. */
    public synchronized void start() throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open();
        s.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
        s.bind(new InetSocketAddress("127.0.0.1", port));
        server = s;
        Thread acceptor = new Thread(() -> accept(s), "engine-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Refuses new connections and cuts every open one: to the service, the engine is gone. */
    public synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (SocketChannel c : open) {
            c.close();
        }
        open.clear();
    }

    private void accept(ServerSocketChannel s) {
        while (s.isOpen()) {
            try {
                SocketChannel client = s.accept();
                SocketChannel engine = SocketChannel.open(StandardProtocolFamily.UNIX);
                engine.connect(UnixDomainSocketAddress.of(SOCKET));
                open.add(client);
                open.add(engine);
                pump(client, engine, true);
                pump(engine, client, false);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(SocketChannel from, SocketChannel to, boolean toEngine) {
        Thread t = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                while (from.read(buffer) >= 0) {
                    if (toEngine) {
                        awaitRelease();
                    }
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
                to.shutdownOutput();
            } catch (IOException e) {
                // one side closed: the other follows
                try {
                    to.close();
                    from.close();
                } catch (IOException ignored) {
                    // already closed
                }
            } finally {
                open.remove(from);
            }
        }, "engine-proxy-pump");
        t.setDaemon(true);
        t.start();
    }
}
