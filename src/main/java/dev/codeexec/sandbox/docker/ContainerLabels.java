package dev.codeexec.sandbox.docker;

import dev.codeexec.config.CodeExecConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Labels every container of this service carries, so leftovers can be found and reaped: the
 * service (instances with the same one reap each other's orphans) and this instance's id, which is
 * unique to the process (host name plus a random suffix) unless code-exec.docker.instance-id says
 * otherwise. The engine records each container's creation time, which tells orphans apart.
 */
@ApplicationScoped
public class ContainerLabels {

    static final String SERVICE = "dev.codeexec.service";
    static final String INSTANCE = "dev.codeexec.instance";
    static final String LANGUAGE = "dev.codeexec.language";
    static final String POOLED = "dev.codeexec.pooled";

    private final String service;
    private final String instance;

    public ContainerLabels(CodeExecConfig config) {
        this.service = config.docker().service();
        this.instance = config.docker().instanceId().orElseGet(ContainerLabels::uniqueId);
    }

    /** The labels of a run's container. */
    Map<String, String> forRun(String language, boolean pooled) {
        return Map.of(SERVICE, service, INSTANCE, instance, LANGUAGE, language, POOLED, String.valueOf(pooled));
    }

    /** Filter matching every container of this instance. */
    List<String> instanceFilter() {
        return List.of(INSTANCE + "=" + instance);
    }

    /** Filter matching every container of this service, whichever instance made it. */
    List<String> serviceFilter() {
        return List.of(SERVICE + "=" + service);
    }

    /** True when the labels are this instance's. */
    boolean isOwn(Map<String, String> containerLabels) {
        return containerLabels != null && instance.equals(containerLabels.get(INSTANCE));
    }

    String instance() {
        return instance;
    }

    private static String uniqueId() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return hostname() + "-" + HexFormat.of().formatHex(random);
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
