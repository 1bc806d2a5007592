package dev.codeexec.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.junit.jupiter.api.Test;

/**
 * The fault-tolerance settings of application.properties are keyed by class and method name
 * ({@code quarkus.fault-tolerance."<class>/<method>".<policy>.<field>}). A key whose class or method
 * no longer exists is silently ignored and the annotation's placeholder numbers apply (a bulkhead of
 * 4 whatever the operator sets), so renaming {@link RunSlots} or its method must fail here.
 */
class FaultToleranceKeysTest {

    private static final Pattern KEY = Pattern.compile("quarkus\\.fault-tolerance\\.\"([^\"/]+)/([^\"]+)\"\\.([a-z-]+)\\.[a-z-]+");
    private static final Map<String, Class<? extends Annotation>> POLICIES = Map.of(
            "bulkhead", Bulkhead.class, "timeout", Timeout.class, "circuit-breaker", CircuitBreaker.class);

    @Test
    void everyKeyNamesAnAnnotatedMethodThatExists() throws Exception {
        Map<String, String> keys = faultToleranceKeys();
        assertFalse(keys.isEmpty(), "application.properties sets no fault-tolerance key");
        for (String key : keys.keySet()) {
            Matcher m = KEY.matcher(key);
            assertTrue(m.matches(), "not a per-method fault-tolerance key: " + key);
            Class<?> type = Class.forName(m.group(1));
            Method method = Arrays.stream(type.getDeclaredMethods()).filter(x -> x.getName().equals(m.group(2)))
                    .findFirst().orElse(null);
            assertNotNull(method, key + ": " + type.getName() + " has no method " + m.group(2));
            Class<? extends Annotation> policy = POLICIES.get(m.group(3));
            assertNotNull(policy, key + ": unknown policy " + m.group(3));
            assertNotNull(method.getAnnotation(policy), key + ": the method has no @" + policy.getSimpleName());
        }
    }

    @Test
    void theOperatorsSettingsReachTheRunSlots() throws Exception {
        Set<String> policies = new java.util.TreeSet<>();
        for (String key : faultToleranceKeys().keySet()) {
            Matcher m = KEY.matcher(key);
            if (m.matches() && m.group(1).equals(RunSlots.class.getName()) && m.group(2).equals("run")) {
                policies.add(key.substring(key.lastIndexOf('"') + 2));
            }
        }
        assertEquals(Set.of("bulkhead.value", "bulkhead.waiting-task-queue", "timeout.value", "circuit-breaker.delay"), policies);
    }

    private static Map<String, String> faultToleranceKeys() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        Map<String, String> keys = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("quarkus.fault-tolerance.\"")) {
                keys.put(key, properties.getProperty(key));
            }
        }
        return keys;
    }
}
