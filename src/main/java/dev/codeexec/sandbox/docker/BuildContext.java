package dev.codeexec.sandbox.docker;

import dev.codeexec.sandbox.BundledRuntimes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * A runtime image's build context: every file of one folder of the application's bundled runtimes
 * ({@code runtimes/base/} or {@code runtimes/<language>/}), with a content hash that names the
 * image, so a changed Dockerfile, script or launcher gets a fresh image. The language's descriptor
 * is the service's, not the image's: editing it (limits, commands, ids) rebuilds nothing.
 */
final class BuildContext {

    private final Map<String, byte[]> files;

    private BuildContext(Map<String, byte[]> files) {
        this.files = files;
    }

    /** The bundled context of a folder, or null when the application bundles no Dockerfile there. */
    static BuildContext bundled(String folder) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String prefix = folder + "/";
        for (String file : BundledRuntimes.files()) {
            if (file.startsWith(prefix) && !file.equals(prefix + "language.json")) {
                files.put(file.substring(prefix.length()), BundledRuntimes.bytes(file));
            }
        }
        return files.containsKey("Dockerfile") ? new BuildContext(files) : null;
    }

    /** This context with one more file (or one replaced), e.g. a list the service writes. */
    BuildContext with(String name, byte[] bytes) {
        Map<String, byte[]> more = new LinkedHashMap<>(files);
        more.put(name, bytes);
        return new BuildContext(more);
    }

    /** First 12 hex digits of the SHA-256 over the files and the given extra inputs (e.g. base image). */
    String hash(String... extra) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((name, bytes) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(bytes);
            });
            for (String e : extra) {
                sha.update(e.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The context as the tar stream the engine's build endpoint takes (scripts stay executable). */
    byte[] tar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(f.getKey());
                entry.setSize(f.getValue().length);
                entry.setMode(f.getKey().endsWith(".sh") ? 0755 : 0644);
                tar.putArchiveEntry(entry);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
