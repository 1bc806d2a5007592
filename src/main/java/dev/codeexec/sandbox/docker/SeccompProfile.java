package dev.codeexec.sandbox.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The project's seccomp profiles: {@code src/main/resources/seccomp/sandbox.json} is the base (the
 * engine's default minus io_uring, most socket families, ptrace, keyrings, bpf, perf events,
 * userfaultfd and namespace creation; its README says why) and {@code sandbox-nested.json} the same
 * plus what bubblewrap needs, which every container gets (read once) since every step runs in it.
 */
final class SeccompProfile {

    static final String RESOURCE = "seccomp/sandbox.json";
    /** Every container's: the base plus the namespace and mount calls bubblewrap makes (see its README). */
    static final String NESTED_RESOURCE = "seccomp/sandbox-nested.json";

    /** The profile as compact JSON: parsed once, so a broken resource fails at startup, not per run. */
    private static final String NESTED_JSON = load(NESTED_RESOURCE);

    private SeccompProfile() {
    }

    /** The security option of every container. The engine wants the profile itself after "seccomp=", as the CLI sends it. */
    static String nestedSecurityOpt() {
        return "seccomp=" + NESTED_JSON;
    }

    static String load(String resource) {
        try (InputStream in = SeccompProfile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("seccomp profile " + resource + " is not bundled");
            }
            ObjectMapper mapper = new ObjectMapper();
            JsonNode profile = mapper.readTree(in);
            if (!profile.path("defaultAction").isTextual() || !profile.path("syscalls").isArray()) {
                throw new IllegalStateException("seccomp profile " + resource + " has no defaultAction or syscalls");
            }
            return mapper.writeValueAsString(profile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seccomp profile " + resource, e);
        }
    }
}
