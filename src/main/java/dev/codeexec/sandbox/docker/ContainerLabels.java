package dev.codeexec.sandbox.docker;

import dev.codeexec.config.CodeExecConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
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
    /** A kept sandbox's: the session it serves, the replica that made it, and when it ends at the latest. */
    static final String SESSION = "dev.codeexec.session";
    static final String REPLICA = "dev.codeexec.replica";
    static final String UNTIL = "dev.codeexec.until";

    private final String service;
    private final String instance;
    private final String replica;

    public ContainerLabels(CodeExecConfig config) {
        this.service = config.docker().service();
        this.replica = config.sessions().replicaName();
        this.instance = config.docker().instanceId().orElseGet(() -> uniqueId(replica));
    }

    /** The labels of a run's container. */
    Map<String, String> forRun(String language, boolean pooled) {
        return Map.of(SERVICE, service, INSTANCE, instance, LANGUAGE, language, POOLED, String.valueOf(pooled));
    }

    /** The labels of a session's container, which lives until {@code until} at the latest. */
    Map<String, String> forSession(String language, String session, Instant until) {
        return Map.of(SERVICE, service, INSTANCE, instance, LANGUAGE, language, POOLED, "false", SESSION, session,
                REPLICA, replica, UNTIL, String.valueOf(until.getEpochSecond()));
    }

    /**
     * True for another instance's session container that no instance serves any more: one this replica
     * made before it restarted (sessions do not survive a restart), or one past its end.
     */
    boolean isDeadSession(Map<String, String> containerLabels, long nowSeconds) {
        if (containerLabels == null || !containerLabels.containsKey(SESSION) || isOwn(containerLabels)) {
            return false;
        }
        if (replica.equals(containerLabels.get(REPLICA))) {
            return true;
        }
        try {
            return Long.parseLong(containerLabels.getOrDefault(UNTIL, "0")) < nowSeconds;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** True for a session's container. */
    static boolean isSession(Map<String, String> containerLabels) {
        return containerLabels != null && containerLabels.containsKey(SESSION);
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

    private static String uniqueId(String replica) {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return replica + "-" + HexFormat.of().formatHex(random);
    }
}
