package dev.codeexec.execution;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.config.CodeExecConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardCheckTest {

    private static CodeExecConfig config(Map<String, String> values) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(CodeExecConfig.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withConverter(io.quarkus.runtime.configuration.MemorySize.class, 200,
                        new io.quarkus.runtime.configuration.MemorySizeConverter())
                .withDefaultValue("code-exec.execution.max-concurrent", "2")
                .withSources(new io.smallrye.config.PropertiesConfigSource(values, "test", 500))
                .build();
        return config.getConfigMapping(CodeExecConfig.class);
    }

    @Test
    void theDefaultsFit() {
        assertDoesNotThrow(() -> GuardCheck.check(config(Map.of())));
    }

    @Test
    void aGuardShorterThanTheLongestAllowedRequestRefusesToStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GuardCheck.check(config(Map.of("code-exec.execution.guard-timeout-ms", "30000"))));
        assertTrue(e.getMessage().contains("105000 ms"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> GuardCheck.check(config(Map.of(
                "code-exec.limits.max-compile-timeout", "100s"))));
    }

    @Test
    void aSingleRunMayNotExceedTheTotalRunBudget() {
        assertThrows(IllegalStateException.class, () -> GuardCheck.check(config(Map.of(
                "code-exec.limits.max-timeout", "90s"))));
    }

    @Test
    void theHttpIdleTimeoutMustOutlastTheGuard() {
        // 30 s was the default once: queued requests lost their connection with no answer.
        assertThrows(IllegalStateException.class, () -> GuardCheck.checkIdleTimeout(120_000, Duration.ofSeconds(30)));
        assertThrows(IllegalStateException.class, () -> GuardCheck.checkIdleTimeout(120_000, Duration.ofSeconds(120)));
        assertDoesNotThrow(() -> GuardCheck.checkIdleTimeout(120_000, Duration.ofSeconds(130)));
    }
}
