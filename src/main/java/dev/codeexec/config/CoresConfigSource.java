package dev.codeexec.config;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies defaults that depend on the machine the service runs on (computed at run time, so a
 * native image does not bake in the build machine's cores). Lowest priority: any other source wins.
 */
public class CoresConfigSource implements ConfigSource {

    static final String MAX_CONCURRENT = "code-exec.execution.max-concurrent";

    @Override
    public Map<String, String> getProperties() {
        return Map.of(MAX_CONCURRENT, String.valueOf(2 * Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(MAX_CONCURRENT);
    }

    @Override
    public String getValue(String propertyName) {
        return getProperties().get(propertyName);
    }

    @Override
    public String getName() {
        return "code-exec-cores";
    }

    @Override
    public int getOrdinal() {
        return 1;
    }
}
