package dev.codeexec.rest.piston;

import dev.codeexec.execution.InvalidExecutionException;
import dev.codeexec.execution.RuntimeNotReadyException;
import dev.codeexec.language.Language;
import dev.codeexec.language.LanguageRegistry;
import dev.codeexec.language.Runtime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;

/** The ready runtimes as Piston names them, and Piston's rule for picking one: name or alias, then semver range. */
@ApplicationScoped
public class PistonRuntimes {

    private final LanguageRegistry registry;

    public PistonRuntimes(LanguageRegistry registry) {
        this.registry = registry;
    }

    List<PistonRuntime> list() {
        return registry.runtimes().stream()
                .map(r -> new PistonRuntime(r.language().id(), version(r).toString(), r.language().aliases(), null))
                .toList();
    }

    /**
     * The highest ready runtime of the language whose version is in the range; 400 when there is
     * none, 503 when the language exists but is still being provisioned.
     */
    Runtime resolve(String name, String range) {
        Language language = registry.find(name).orElseThrow(() -> unknown(name, range));
        VersionRange versions = VersionRange.parse(range).orElseThrow(() -> unknown(name, range));
        if (registry.runtime(language).isEmpty()) {
            throw new RuntimeNotReadyException(language.id());
        }
        return registry.runtimes().stream()
                .filter(r -> r.language().id().equals(language.id()))
                .filter(r -> versions.matches(version(r)))
                .max(Comparator.comparing(PistonRuntimes::version))
                .orElseThrow(() -> unknown(name, range));
    }

    private static PistonVersion version(Runtime runtime) {
        return PistonVersion.normalise(runtime.version());
    }

    private static InvalidExecutionException unknown(String name, String range) {
        return new InvalidExecutionException(shorten(name) + "-" + shorten(range) + " runtime is unknown");
    }

    /** Request text echoed in a message, kept short. */
    private static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
