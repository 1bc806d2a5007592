package dev.codeexec.rest.piston;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.codeexec.config.LimitsConfig;
import dev.codeexec.execution.Execution;
import dev.codeexec.execution.InvalidExecutionException;
import dev.codeexec.execution.LimitUnit;
import dev.codeexec.execution.LimitsResolver;
import dev.codeexec.execution.SourceFile;
import dev.codeexec.language.Language;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of Piston's POST /api/v2/execute. Unknown fields are ignored, as Piston does: only the fields
 * below are read, and none of them reaches the container's definition. Limits are JSON numbers (ms
 * or bytes); absent, null, 0 and -1 mean the default.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "PistonExecuteRequest")
public record PistonExecuteRequest(
        @Schema(required = true, description = "A language or alias from /api/v2/runtimes", examples = "python") String language,
        @Schema(required = true, description = "A semver range; the highest matching version runs", examples = "3.x") String version,
        @Schema(required = true, description = "The program; the first file is the entry point") List<PistonFile> files,
        @Schema(description = "The program's stdin; a newline is added when it does not end with one") String stdin,
        @Schema(description = "Command-line arguments") List<String> args,
        @Schema(type = SchemaType.NUMBER, description = "ms") @JsonProperty("compile_timeout") JsonNode compileTimeout,
        @Schema(type = SchemaType.NUMBER, description = "ms") @JsonProperty("run_timeout") JsonNode runTimeout,
        @Schema(type = SchemaType.NUMBER, description = "ms") @JsonProperty("compile_cpu_time") JsonNode compileCpuTime,
        @Schema(type = SchemaType.NUMBER, description = "ms") @JsonProperty("run_cpu_time") JsonNode runCpuTime,
        @Schema(type = SchemaType.NUMBER, description = "bytes") @JsonProperty("compile_memory_limit") JsonNode compileMemoryLimit,
        @Schema(type = SchemaType.NUMBER, description = "bytes") @JsonProperty("run_memory_limit") JsonNode runMemoryLimit) {

    /** Piston's own checks, in its order, before the runtime is looked up. */
    void check() {
        if (language == null || language.isEmpty()) {
            throw invalid("language is required as a string");
        }
        if (version == null || version.isEmpty()) {
            throw invalid("version is required as a string");
        }
        if (files == null) {
            throw invalid("files is required as an array");
        }
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i) == null || files.get(i).content() == null) {
                throw invalid("files[" + i + "].content is required as a string");
            }
        }
    }

    /**
     * The request for the engine, once the runtime is known; the engine checks names and sizes. A
     * live job's stdin is written as it is (more may follow); a batch job's gets Piston's newline.
     */
    Execution toExecution(Language runtime, LimitsConfig caps, boolean live) {
        if (files.stream().noneMatch(f -> f.encoding() == null || f.encoding().equals("utf8"))) {
            throw invalid("files must include at least one utf8 encoded file");
        }
        long maxTimeout = caps.maxTimeout().toMillis();
        long maxCompileTimeout = caps.maxCompileTimeout().toMillis();
        Integer run = limit("run_timeout", runTimeout, LimitUnit.MILLISECONDS, maxTimeout, 1);
        Integer compile = limit("compile_timeout", compileTimeout, LimitUnit.MILLISECONDS, maxCompileTimeout, 1);
        Integer runCpu = limit("run_cpu_time", runCpuTime, LimitUnit.MILLISECONDS, maxTimeout, 1);
        Integer compileCpu = limit("compile_cpu_time", compileCpuTime, LimitUnit.MILLISECONDS, maxCompileTimeout, 1);
        Integer runMemory = limit("run_memory_limit", runMemoryLimit, LimitUnit.BYTES, caps.maxMemory().asLongValue(),
                LimitsResolver.MIN_MEMORY);
        Integer compileMemory = limit("compile_memory_limit", compileMemoryLimit, LimitUnit.BYTES,
                caps.maxCompileMemory().asLongValue(), LimitsResolver.MIN_MEMORY);
        // Piston's job adds a newline to stdin that does not end with one (an empty one included).
        String input = live ? stdin : stdin == null ? "\n" : stdin.endsWith("\n") ? stdin : stdin + "\n";
        int inputBytes = input == null ? 0 : input.getBytes(StandardCharsets.UTF_8).length;
        if (inputBytes > caps.input().asLongValue()) {
            throw invalid("stdin is " + inputBytes + " bytes; the limit is " + caps.input().asLongValue() + " bytes");
        }
        return new Execution(runtime.id(), null, sources(runtime), input, args, run, runMemory, runCpu,
                compile, compileMemory, compileCpu, null, null, null, null, null, null);
    }

    private List<SourceFile> sources(Language runtime) {
        List<SourceFile> sources = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            PistonFile f = files.get(i);
            String name = f.name() != null && !f.name().isEmpty() ? f.name() : i == 0 ? runtime.entry() : "file" + i + ".code";
            String encoding = f.encoding() == null ? "utf8" : f.encoding();
            sources.add(switch (encoding) {
                case "utf8", "base64" -> new SourceFile(name, f.content(), encoding);
                case "hex" -> new SourceFile(name, Base64.getEncoder().encodeToString(hex(f.content(), i)), "base64");
                default -> throw invalid("files[" + i + "].encoding must be utf8, base64 or hex");
            });
        }
        return sources;
    }

    private static byte[] hex(String content, int index) {
        try {
            return HexFormat.of().parseHex(content);
        } catch (IllegalArgumentException e) {
            throw invalid("files[" + index + "].content is not valid hex");
        }
    }

    /**
     * A limit as sent in Piston's unit (ms or bytes): null for the default, else a number within
     * [min, cap] (a fraction counts as the next whole unit), in the core's unit (ms or MiB).
     */
    private static Integer limit(String field, JsonNode value, LimitUnit unit, long cap, long min) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw invalid("If specified, " + field + " must be a number");
        }
        double v = value.doubleValue();
        if (!Double.isFinite(v)) {
            throw invalid(field + " cannot exceed the configured limit of " + unit.format(cap));
        }
        if (v == 0 || v == -1) {
            return null;
        }
        if (v < 0) {
            throw invalid(field + " must be non-negative");
        }
        BigDecimal amount = LimitUnit.exact(v);
        if (amount.compareTo(unit.of(cap)) > 0) {
            throw invalid(field + " cannot exceed the configured limit of " + unit.format(cap));
        }
        if (amount.setScale(0, RoundingMode.CEILING).compareTo(unit.of(min)) < 0) {
            throw invalid(field + " must be at least " + unit.format(min));
        }
        return Math.toIntExact(unit.toCore(amount));
    }

    static InvalidExecutionException invalid(String message) {
        return new InvalidExecutionException(message);
    }
}
