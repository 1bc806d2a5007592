package dev.codeexec.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codeexec.config.LimitsConfig;
import io.quarkus.runtime.configuration.MemorySize;
import java.lang.reflect.Proxy;
import java.time.Duration;

/** What the API edges need of the limits for their unit tests: the service's default caps, and a JSON reader. */
public final class EdgeLimits {

    public static final ObjectMapper JSON = new ObjectMapper();

    private EdgeLimits() {
    }

    /** Caps as the defaults: run 10 s, compile 30 s, run memory 512 MiB, compile memory 1 GiB, input 1 MiB. */
    public static LimitsConfig caps() {
        return (LimitsConfig) Proxy.newProxyInstance(LimitsConfig.class.getClassLoader(), new Class<?>[] {LimitsConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "maxTimeout" -> Duration.ofSeconds(10);
                    case "maxCompileTimeout" -> Duration.ofSeconds(30);
                    case "maxMemory" -> new MemorySize(java.math.BigInteger.valueOf(512L << 20));
                    case "maxCompileMemory" -> new MemorySize(java.math.BigInteger.valueOf(1L << 30));
                    case "input" -> new MemorySize(java.math.BigInteger.valueOf(1L << 20));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
