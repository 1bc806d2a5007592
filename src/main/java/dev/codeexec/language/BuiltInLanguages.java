package dev.codeexec.language;

import java.util.List;

/** The languages shipped with the service; each has a Dockerfile under src/main/runtimes/{id}. */
final class BuiltInLanguages {

    private BuiltInLanguages() {
    }

    static final List<Language> ALL = List.of(
            new Language("python", List.of("py", "python3"), "/sandbox/main.py",
                    List.of("python3", "/sandbox/main.py"),
                    List.of("python3", "-c", "import platform; print(platform.python_version())")),
            new Language("javascript", List.of("js", "node"), "/sandbox/main.js",
                    List.of("node", "/sandbox/main.js"),
                    List.of("node", "-p", "process.versions.node")),
            new Language("ruby", List.of("rb"), "/sandbox/main.rb",
                    List.of("ruby", "-e", "$stdout.sync = $stderr.sync = true; $0 = ARGV.shift; load $0", "/sandbox/main.rb"),
                    List.of("ruby", "-e", "puts RUBY_VERSION")));
}
