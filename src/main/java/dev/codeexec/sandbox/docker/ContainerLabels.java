package dev.codeexec.sandbox.docker;

import dev.codeexec.config.CodeExecConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/** Labels every container of this service carries, so leftovers can be found and reaped. */
@ApplicationScoped
public class ContainerLabels {

    static final String SERVICE = "dev.codeexec.service";
    static final String INSTANCE = "dev.codeexec.instance";
    static final String LANGUAGE = "dev.codeexec.language";
    static final String POOLED = "dev.codeexec.pooled";

    private final String instance;

    public ContainerLabels(CodeExecConfig config) {
        this.instance = config.docker().instanceId().orElseGet(ContainerLabels::hostname);
    }

    /** The labels of a run's container. */
    Map<String, String> forRun(String language, boolean pooled) {
        return Map.of(SERVICE, "code-exec", INSTANCE, instance, LANGUAGE, language, POOLED, String.valueOf(pooled));
    }

    /** Filter matching every container of this instance. */
    List<String> instanceFilter() {
        return List.of(INSTANCE + "=" + instance);
    }

    private static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "code-exec";
        }
    }
}
