package dev.codeexec.sandbox.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A runtime image's build context, read from the application's resources
 * ({@code runtimes/<language>/Dockerfile} plus the shared {@code runtimes/launcher.c}), with a
 * content hash that names the image, so a changed Dockerfile or launcher gets a fresh image.
 */
final class BuildContext {

    private final Map<String, byte[]> files;

    private BuildContext(Map<String, byte[]> files) {
        this.files = files;
    }

    /** The bundled context of a language, or null when the application bundles none. */
    static BuildContext bundled(String languageId) {
        byte[] dockerfile = resource("runtimes/" + languageId + "/Dockerfile");
        byte[] launcher = resource("runtimes/launcher.c");
        if (dockerfile == null || launcher == null) {
            return null;
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("Dockerfile", dockerfile);
        files.put("launcher.c", launcher);
        return new BuildContext(files);
    }

    /** First 12 hex digits of the SHA-256 over the files and the given extra inputs (e.g. base image). */
    String hash(String... extra) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((name, bytes) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update(bytes);
            });
            for (String e : extra) {
                sha.update(e.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The context as the tar stream the engine's build endpoint takes. */
    byte[] tar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(f.getKey());
                entry.setSize(f.getValue().length);
                entry.setMode(0644);
                tar.putArchiveEntry(entry);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] resource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
