package dev.codeexec.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The files of the runtimes bundled with the service ({@code runtimes/} on the class path, listed in
 * {@code runtimes/index.txt}, which the build writes from the folders under src/main/runtimes): the
 * images are built from them and the languages are read from their {@code language.json}.
 */
public final class BundledRuntimes {

    private BundledRuntimes() {
    }

    /** Every file of the bundled runtimes, as paths relative to {@code runtimes/}, sorted. */
    public static List<String> files() {
        byte[] index = bytes("index.txt");
        if (index == null) {
            throw new IllegalStateException("runtimes/index.txt is missing from the application");
        }
        return new String(index, java.nio.charset.StandardCharsets.UTF_8).lines().map(String::trim)
                .filter(l -> !l.isEmpty()).map(l -> l.replace('\\', '/')).sorted().toList();
    }

    /** A file of the bundled runtimes (path relative to {@code runtimes/}), or null. */
    public static byte[] bytes(String file) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("runtimes/" + file)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
