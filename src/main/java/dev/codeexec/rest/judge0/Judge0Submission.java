package dev.codeexec.rest.judge0;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.codeexec.config.LimitsConfig;
import dev.codeexec.execution.Execution;
import dev.codeexec.execution.LimitUnit;
import dev.codeexec.execution.LimitsResolver;
import dev.codeexec.execution.TestCase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of Judge0's POST /submissions, the fields this service acts on. Judge0's other tuning fields
 * ({@code cpu_extra_time}, {@code stack_limit}, {@code max_processes_and_or_threads},
 * {@code enable_per_process_and_thread_*}, {@code max_file_size}, {@code number_of_runs} of 1) are
 * accepted and ignored: this service's own limits apply. Fields it cannot honour
 * ({@code compiler_options}, {@code additional_files}, {@code callback_url}, more than one run) are
 * refused rather than silently dropped. Limits are seconds and KB, as in Judge0.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "Judge0Submission")
public record Judge0Submission(
        @Schema(required = true) @JsonProperty("source_code") String sourceCode,
        @Schema(required = true, type = SchemaType.INTEGER, description = "An id from GET /languages")
        @JsonProperty("language_id") JsonNode languageId,
        String stdin,
        @Schema(description = "Compared line by line, trailing whitespace ignored") @JsonProperty("expected_output")
        String expectedOutput,
        @Schema(type = SchemaType.NUMBER, description = "seconds") @JsonProperty("cpu_time_limit") JsonNode cpuTimeLimit,
        @Schema(type = SchemaType.NUMBER, description = "seconds") @JsonProperty("wall_time_limit") JsonNode wallTimeLimit,
        @Schema(type = SchemaType.NUMBER, description = "KB") @JsonProperty("memory_limit") JsonNode memoryLimit,
        @Schema(description = "Split like a shell would (quotes, backslashes), never run by one")
        @JsonProperty("command_line_arguments") String commandLineArguments,
        @JsonProperty("redirect_stderr_to_stdout") Boolean redirectStderrToStdout,
        @Schema(hidden = true) @JsonProperty("compiler_options") String compilerOptions,
        @Schema(hidden = true) @JsonProperty("additional_files") String additionalFiles,
        @Schema(hidden = true) @JsonProperty("callback_url") String callbackUrl,
        @Schema(hidden = true) @JsonProperty("number_of_runs") JsonNode numberOfRuns) {

    /** The language id as sent (a number or a string of digits). */
    int language() {
        if (languageId == null || languageId.isNull() || languageId.asText().isBlank()) {
            throw new Judge0Invalid("language_id", "can't be blank");
        }
        if (languageId.canConvertToInt() && languageId.isIntegralNumber()) {
            return languageId.intValue();
        }
        try {
            return Integer.parseInt(languageId.asText().trim());
        } catch (NumberFormatException e) {
            throw new Judge0Invalid("language_id", "is not a number");
        }
    }

    /** The request for the engine: one run, or one judged case when an expected output is given. */
    Execution toExecution(String language, boolean base64, LimitsConfig caps) {
        if (sourceCode == null) {
            throw new Judge0Invalid("source_code", "can't be blank");
        }
        refuse("compiler_options", compilerOptions, "is not supported: each language compiles with fixed options");
        refuse("additional_files", additionalFiles, "is not supported: send a multi-file program to POST /run");
        refuse("callback_url", callbackUrl, "is not supported: only wait=true is served");
        if (numberOfRuns != null && !numberOfRuns.isNull() && numberOfRuns.asInt(0) != 1) {
            throw new Judge0Invalid("number_of_runs", "must be 1");
        }
        String code = text("source_code", sourceCode, base64);
        String input = text("stdin", stdin, base64);
        String expected = text("expected_output", expectedOutput, base64);
        long capMs = caps.maxTimeout().toMillis();
        Integer cpuMs = millis("cpu_time_limit", cpuTimeLimit, capMs);
        Integer wallMs = millis("wall_time_limit", wallTimeLimit, capMs);
        Integer memoryMb = memory(caps.maxMemory().asLongValue());
        List<String> args = ShellWords.split(commandLineArguments == null ? "" : commandLineArguments);
        List<TestCase> tests = expected == null ? null : List.of(new TestCase(null, input, null, expected));
        return new Execution(language, code, null, tests == null ? input : null, args, wallMs, memoryMb, cpuMs, null,
                null, null, tests, tests == null ? null : "lines", null, null,
                Boolean.TRUE.equals(redirectStderrToStdout), null);
    }

    private static void refuse(String field, String value, String why) {
        if (value != null && !value.isEmpty()) {
            throw new Judge0Invalid(field, why);
        }
    }

    private static String text(String field, String value, boolean base64) {
        if (value == null || !base64) {
            return value;
        }
        try {
            return new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Judge0Invalid(field, "is not valid Base64");
        }
    }

    /** Seconds as sent to whole ms; null (and 0) for the default; above the cap refused as Judge0 words it. */
    private static Integer millis(String field, JsonNode value, long capMs) {
        BigDecimal seconds = number(field, value);
        if (seconds == null || seconds.signum() == 0) {
            return null;
        }
        if (seconds.signum() < 0) {
            throw new Judge0Invalid(field, "must be greater than or equal to 0");
        }
        if (seconds.compareTo(LimitUnit.SECONDS.of(capMs)) > 0) {
            throw new Judge0Invalid(field, "must be less than or equal to " + LimitUnit.SECONDS.format(capMs));
        }
        return Math.toIntExact(Math.max(1, LimitUnit.SECONDS.toCore(seconds)));
    }

    /** KB as sent to whole MiB (rounded up), within the service's bounds. */
    private Integer memory(long cap) {
        BigDecimal kb = number("memory_limit", memoryLimit);
        if (kb == null || kb.signum() == 0) {
            return null;
        }
        if (kb.compareTo(LimitUnit.KILOBYTES.of(LimitsResolver.MIN_MEMORY)) < 0) {
            throw new Judge0Invalid("memory_limit", "must be greater than or equal to "
                    + LimitUnit.KILOBYTES.format(LimitsResolver.MIN_MEMORY));
        }
        if (kb.compareTo(LimitUnit.KILOBYTES.of(cap)) > 0) {
            throw new Judge0Invalid("memory_limit", "must be less than or equal to " + LimitUnit.KILOBYTES.format(cap));
        }
        return Math.toIntExact(LimitUnit.KILOBYTES.toCore(kb));
    }

    private static BigDecimal number(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        double number;
        try {
            number = value.isNumber() ? value.doubleValue() : Double.parseDouble(value.asText().trim());
        } catch (NumberFormatException e) {
            throw new Judge0Invalid(field, "is not a number");
        }
        if (!Double.isFinite(number)) { // NaN passes every comparison, and infinities overflow the arithmetic
            throw new Judge0Invalid(field, "is not a number");
        }
        return LimitUnit.exact(number);
    }

    /** Judge0 passes its arguments through a shell; here they are only split the way one would. */
    static final class ShellWords {
        private ShellWords() {
        }

        static List<String> split(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            boolean inWord = false;
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else if (c == '\\' && quote == '"' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                        word.append(line.charAt(++i));
                    } else {
                        word.append(c);
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                    inWord = true;
                } else if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                    inWord = true;
                } else if (Character.isWhitespace(c)) {
                    if (inWord) {
                        words.add(word.toString());
                        word.setLength(0);
                        inWord = false;
                    }
                } else {
                    word.append(c);
                    inWord = true;
                }
            }
            if (quote != 0) {
                throw new Judge0Invalid("command_line_arguments", "has an unterminated quote");
            }
            if (inWord) {
                words.add(word.toString());
            }
            return words;
        }
    }
}
