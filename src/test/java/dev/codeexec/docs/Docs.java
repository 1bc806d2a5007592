package dev.codeexec.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The project's documentation pages: where each topic lives, and every page the link check reads. */
final class Docs {

    static final Path README = Path.of("README.md");
    static final Path DOCS = Path.of("docs");
    static final Path API = DOCS.resolve("api.md");
    static final Path PISTON = DOCS.resolve("piston.md");
    static final Path JUDGE0 = DOCS.resolve("judge0.md");
    static final Path LANGUAGES = DOCS.resolve("languages.md");
    static final Path SECURITY = DOCS.resolve("security.md");
    static final Path OPERATIONS = DOCS.resolve("operations.md");
    static final Path ARCHITECTURE = DOCS.resolve("architecture.md");

    private Docs() {
    }

    static String read(Path page) {
        try {
            return Files.readString(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** README.md, docs/*.md, bench/README.md, helm/**&#47;README.md and k8s/README.md. */
    static List<Path> pages() {
        List<Path> pages = new ArrayList<>(List.of(README));
        pages.addAll(walk(DOCS, 1, ".md"));
        pages.add(Path.of("bench/README.md"));
        pages.addAll(walk(Path.of("helm"), Integer.MAX_VALUE, "/README.md"));
        pages.add(Path.of("k8s/README.md"));
        return pages;
    }

    private static List<Path> walk(Path dir, int depth, String suffix) {
        try (Stream<Path> files = Files.walk(dir, depth)) {
            return files.filter(f -> ("/" + f).endsWith(suffix) && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
