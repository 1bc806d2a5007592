package dev.codeexec.sandbox.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codeexec.sandbox.ContainerLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The seccomp profiles parse, deny what src/main/resources/seccomp/README.md says they deny (by name,
 * whatever capabilities a container might have), keep what the launcher needs, and the sandbox
 * profile is passed on every container. That the engine enforces them is proven by
 * abuse/syscalls/* against the real engine.
 */
class SeccompProfileTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int EPERM = 1;
    private static final int ENOSYS = 38;
    /** CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET. */
    private static final long CLONE_NEW_MASK = 0x7E020000L;

    private static final List<String> DENIED = List.of("io_uring_setup", "io_uring_enter", "io_uring_register", "ptrace",
            "keyctl", "add_key", "request_key", "bpf", "perf_event_open", "userfaultfd", "setns");
    private static final List<String> LAUNCHER_NEEDS = List.of("setuid", "setgid", "setresuid", "setresgid", "setgroups",
            "setfsuid", "setfsgid", "kill", "tgkill", "prctl", "wait4", "waitid", "pipe2", "poll", "ppoll", "execve",
            "capget", "capset", "exit_group");

    private static JsonNode profile(String resource) throws Exception {
        return MAPPER.readTree(SeccompProfile.load(resource));
    }

    private static List<JsonNode> rules(JsonNode profile, String name) {
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode rule : profile.get("syscalls")) {
            if (StreamSupport.stream(rule.path("names").spliterator(), false).anyMatch(n -> n.asText().equals(name))) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private static List<JsonNode> allowRules(JsonNode profile, String name) {
        return rules(profile, name).stream().filter(r -> r.get("action").asText().equals("SCMP_ACT_ALLOW")).toList();
    }

    private static boolean unconditional(JsonNode rule) {
        return rule.path("args").isEmpty() && rule.path("includes").isEmpty() && rule.path("excludes").isEmpty();
    }

    /** No rule allows it under any condition, and a commented rule of its own answers errno. */
    private static void assertDenied(JsonNode profile, String name, int errno) {
        assertEquals(List.of(), allowRules(profile, name), name + " must never be allowed");
        List<JsonNode> errnoRules = rules(profile, name).stream()
                .filter(r -> r.get("action").asText().equals("SCMP_ACT_ERRNO")).toList();
        assertEquals(1, errnoRules.size(), name + " needs one explicit rule");
        JsonNode rule = errnoRules.get(0);
        assertTrue(unconditional(rule), name + " must be denied whatever the container's capabilities: " + rule);
        assertEquals(errno, rule.path("errnoRet").asInt(), name);
        assertFalse(rule.path("comment").asText().isBlank(), name + "'s rule must say why");
    }

    private static void assertAllowedUnconditionally(JsonNode profile, String name) {
        assertTrue(allowRules(profile, name).stream().anyMatch(SeccompProfileTest::unconditional),
                name + " must stay allowed");
    }

    /** Each argument condition of a rule as index → [value, op]. */
    private static Map<Integer, JsonNode> args(JsonNode rule) {
        Map<Integer, JsonNode> args = new java.util.HashMap<>();
        rule.path("args").forEach(a -> args.put(a.get("index").asInt(), a));
        return args;
    }

    private static void assertEq(JsonNode arg, long value) {
        assertEquals("SCMP_CMP_EQ", arg.get("op").asText(), arg.toString());
        assertEquals(value, arg.get("value").asLong(), arg.toString());
    }

    @Test
    void sandboxProfileIsTheEnginesDefaultShapeWithEPermAsDefault() throws Exception {
        JsonNode p = profile(SeccompProfile.RESOURCE);
        assertEquals("SCMP_ACT_ERRNO", p.get("defaultAction").asText());
        assertFalse(p.has("defaultErrnoRet"), "EPERM is the default errno; Docker 20.10 knows no defaultErrnoRet");
        assertTrue(StreamSupport.stream(p.get("archMap").spliterator(), false)
                .anyMatch(a -> a.get("architecture").asText().equals("SCMP_ARCH_X86_64")));
        for (JsonNode rule : p.get("syscalls")) {
            String action = rule.get("action").asText();
            assertTrue(Set.of("SCMP_ACT_ALLOW", "SCMP_ACT_ERRNO").contains(action), "nothing kills: " + rule);
        }
    }

    @Test
    void sandboxProfileDeniesWhatItsReadmeLists() throws Exception {
        JsonNode p = profile(SeccompProfile.RESOURCE);
        for (String name : DENIED) {
            assertDenied(p, name, EPERM);
        }
        assertDenied(p, "unshare", EPERM);
        assertDenied(p, "clone3", ENOSYS);
        assertDenied(p, "socketcall", ENOSYS);
    }

    @Test
    void cloneIsAllowedOnlyWithoutNamespaceFlagsWhateverTheCapabilities() throws Exception {
        List<JsonNode> clones = allowRules(profile(SeccompProfile.RESOURCE), "clone");
        assertEquals(2, clones.size(), "one rule per argument order (s390 differs)");
        for (JsonNode rule : clones) {
            assertTrue(rule.path("includes").path("caps").isMissingNode() && rule.path("excludes").path("caps").isMissingNode(),
                    "no capability brings namespace flags back: " + rule);
            JsonNode flags = rule.get("args").get(0);
            assertEquals("SCMP_CMP_MASKED_EQ", flags.get("op").asText());
            assertEquals(CLONE_NEW_MASK, flags.get("value").asLong());
            assertEquals(0, flags.path("valueTwo").asLong());
        }
    }

    @Test
    void socketsAreAllowListedByFamilyAndProtocol() throws Exception {
        JsonNode p = profile(SeccompProfile.RESOURCE);
        Set<String> allowed = new java.util.TreeSet<>();
        for (JsonNode rule : allowRules(p, "socket")) {
            assertTrue(rule.path("includes").isEmpty() && rule.path("excludes").isEmpty(), rule.toString());
            Map<Integer, JsonNode> args = args(rule);
            JsonNode family = args.get(0);
            assertEq(family, family.get("value").asLong());
            long f = family.get("value").asLong();
            JsonNode protocol = args.get(2);
            if (f == 1) {
                assertEquals(1, args.size(), "AF_UNIX: any type and protocol");
                allowed.add("1");
            } else {
                assertEq(protocol, protocol.get("value").asLong());
                assertEquals(2, args.size(), rule.toString());
                allowed.add(f + "/" + protocol.get("value").asLong());
            }
            assertFalse(rule.path("comment").asText().isBlank(), rule.toString());
        }
        // AF_UNIX; AF_INET and AF_INET6 with protocol 0, TCP, UDP; AF_NETLINK with NETLINK_ROUTE. Nothing else.
        assertEquals(new java.util.TreeSet<>(List.of("1", "2/0", "2/6", "2/17", "10/0", "10/6", "10/17", "16/0")), allowed);
        List<JsonNode> pairs = allowRules(p, "socketpair");
        assertEquals(1, pairs.size());
        assertEquals(1, pairs.get(0).get("args").size());
        assertEq(pairs.get(0).get("args").get(0), 1);
    }

    @Test
    void whatTheLauncherNeedsStaysAllowed() throws Exception {
        JsonNode p = profile(SeccompProfile.RESOURCE);
        for (String name : LAUNCHER_NEEDS) {
            assertAllowedUnconditionally(p, name);
        }
    }

    @Test
    void nestedProfileAddsOnlyWhatBubblewrapNeeds() throws Exception {
        JsonNode p = profile("seccomp/sandbox-nested.json");
        for (String name : List.of("clone", "unshare", "mount", "umount2", "pivot_root")) {
            assertAllowedUnconditionally(p, name);
        }
        for (String name : DENIED) {
            assertDenied(p, name, EPERM);
        }
        assertDenied(p, "clone3", ENOSYS);
        assertDenied(p, "socketcall", ENOSYS);
        assertEquals(allowRules(profile(SeccompProfile.RESOURCE), "socket").toString(), allowRules(p, "socket").toString());
        for (String name : LAUNCHER_NEEDS) {
            assertAllowedUnconditionally(p, name);
        }
    }

    @Test
    void everyContainerGetsTheNestedProfile() throws Exception {
        // every step runs in bubblewrap (in both modes), so every container needs what bubblewrap needs
        ContainerLimits limits = new ContainerLimits(128L << 20, 1.0, 64, 16L << 20, 4096, 8L << 20, 256);
        List<String> opts = ContainerSpecs.hostConfig(limits).getSecurityOpts();
        assertTrue(opts.contains("no-new-privileges"), opts.toString());
        List<String> seccomp = opts.stream().filter(o -> o.startsWith("seccomp=")).toList();
        assertEquals(1, seccomp.size(), "exactly one seccomp option");
        JsonNode sent = MAPPER.readTree(seccomp.get(0).substring("seccomp=".length()));
        assertEquals(profile(SeccompProfile.NESTED_RESOURCE), sent, "the profile itself, inline, as the engine expects");
        assertFalse(seccomp.get(0).contains("\n"), "sent compact");
    }
}
