package dev.codeexec.execution;

import dev.codeexec.config.LimitsConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The request's "outputs": at most 16 patterns, each relative, for a single run (not test cases). */
final class OutputChecks {

    static final int MAX_PATTERNS = 16;
    static final int MAX_PATTERN_BYTES = 255;

    private OutputChecks() {
    }

    /** The files to bring back, or null when the request asks for none. */
    static Plan.Wanted check(Execution request, LimitsConfig caps) {
        List<String> patterns = request.outputs();
        if (patterns == null) {
            return null;
        }
        if (request.tests() != null) {
            throw new InvalidExecutionException("outputs is for a single run, not test cases");
        }
        if (patterns.isEmpty() || patterns.size() > MAX_PATTERNS) {
            throw new InvalidExecutionException("outputs must hold between 1 and " + MAX_PATTERNS + " patterns");
        }
        for (int i = 0; i < patterns.size(); i++) {
            String p = patterns.get(i);
            if (p == null || p.isEmpty() || p.getBytes(StandardCharsets.UTF_8).length > MAX_PATTERN_BYTES
                    || p.startsWith("/") || p.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new InvalidExecutionException("outputs[" + i + "] must be a relative pattern of 1 to "
                        + MAX_PATTERN_BYTES + " bytes");
            }
        }
        return new Plan.Wanted(List.copyOf(patterns), caps.outputFiles(), caps.outputFilesSize().asLongValue());
    }
}
