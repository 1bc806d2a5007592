package dev.codeexec.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codeexec.language.LanguageRegistry;
import dev.codeexec.language.Runtime;
import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A kept sandbox's launchers are reused: a run control cancelled after its use ended (a client
 * closing its connection after its answer) must not reach the launcher's next user.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class KeptSandboxTest {

    @Inject
    Sandbox sandbox;

    @Inject
    LanguageRegistry languages;

    @Test
    void aLateCancelReachesNoLaterUseOfTheLauncher() {
        Api.awaitReady();
        Runtime bash = languages.runtime(languages.find("bash").orElseThrow()).orElseThrow();
        ContainerLimits limits = new ContainerLimits(256L << 20, 1.0, 64, 16L << 20, 4096, 8L << 20, 256);
        try (KeptSandbox kept = sandbox.keep(new SandboxSpec("bash", bash.image(), limits), "kept-test",
                Instant.now().plusSeconds(300))) {
            RunControl first = new RunControl();
            try (SandboxSession use = kept.channel(first)) {
                assertEquals("one\n", out(use.execute(step("echo one"))));
            }
            try (SandboxSession next = kept.channel(new RunControl())) {
                first.cancel(); // the first use's client goes away now, after its answer
                assertEquals("two\n", out(next.execute(step("echo two"))));
                assertEquals(true, next.usable());
            }
        }
    }

    private static Step step(String command) {
        return new Step(Step.Kind.SESSION, List.of("/bin/sh", "-c", command), Map.of(), new byte[0],
                Duration.ofSeconds(30), null, 64 * 1024);
    }

    private static String out(StepResult r) {
        return new String(r.output().stdout(), StandardCharsets.UTF_8);
    }
}
