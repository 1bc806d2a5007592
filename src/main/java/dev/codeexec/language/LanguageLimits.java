package dev.codeexec.language;

/**
 * A language's own default limits from its descriptor, as written there ("3s", "256M"); null
 * where the service's defaults apply.
 */
public record LanguageLimits(String timeout, String memory, Integer pids, Double cpus, String scratch,
        String compileTimeout, String compileMemory, Integer compilePids) {

    static final LanguageLimits NONE = new LanguageLimits(null, null, null, null, null, null, null, null);
}
