package dev.codeexec.throughput;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service in throughput mode for python, javascript, ruby and c (java enabled in the default mode); containers replaced after 5 requests. */
public class ThroughputProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("code-exec.throughput.enabled", "true",
                "code-exec.throughput.languages", "python,javascript,ruby,c",
                "code-exec.throughput.containers", "2",
                "code-exec.throughput.runs-per-container", "5",
                "code-exec.languages.enabled", "python,javascript,ruby,c,java");
    }
}
