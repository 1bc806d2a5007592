package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ulimit;
import dev.codeexec.sandbox.ContainerLimits;
import dev.codeexec.sandbox.SandboxSpec;
import java.util.List;
import java.util.Map;

/** Turns a session spec into a locked-down container definition. Nothing here comes from the client. */
final class ContainerSpecs {

    /**
     * The launcher starts as root with only these capabilities, to hand files to the builder
     * (uid 10001) and run every step as the builder or the sandbox user (uid 10000), and to kill
     * whatever a step leaves; CAP_SETPCAP only to empty the bounding set of every step's process
     * before it executes anything. No process of the program ever holds a capability, nor can any
     * exec give one back.
     */
    static final Capability[] LAUNCHER_CAPABILITIES = {Capability.SETUID, Capability.SETGID, Capability.KILL,
        Capability.SETPCAP};
    static final String USER = "0:0";
    static final String WORKDIR = "/sandbox";

    private ContainerSpecs() {
    }

    static CreateContainerCmd create(DockerClient docker, SandboxSpec spec, Map<String, String> labels) {
        return create(docker, spec, labels, false);
    }

    /**
     * Every container's launcher runs each step in bubblewrap, which needs the nested seccomp
     * profile and unmasked /proc paths. With {@code namespaces}, a throughput-mode container: its
     * launcher serves one request after another.
     */
    static CreateContainerCmd create(DockerClient docker, SandboxSpec spec, Map<String, String> labels,
            boolean namespaces) {
        return docker.createContainerCmd(spec.image())
                .withCmd(namespaces ? List.of(LauncherProtocol.LAUNCHER, "--namespaces")
                        : LauncherProtocol.command(spec.preload()))
                .withUser(USER)
                .withWorkingDir(WORKDIR)
                .withEnv(List.of("PATH=/usr/bin:/bin", "LANG=C.UTF-8"))
                .withHostName("sandbox")
                .withDomainName("")
                .withNetworkDisabled(true)
                .withAttachStdin(true)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .withStdinOpen(true)
                .withStdInOnce(true)
                .withTty(false)
                .withLabels(labels)
                .withHostConfig(hostConfig(spec.limits()));
    }

    static HostConfig hostConfig(ContainerLimits limits) {
        String tmpfsOptions = "rw,nosuid,nodev,size=" + limits.scratchBytes() + ",nr_inodes=" + limits.scratchFiles()
                + ",mode=1777";
        // Every step runs in bubblewrap, which mounts a fresh /proc: the engine's masks would forbid it.
        return new UnmaskedHostConfig()
                .withNetworkMode("none")
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of(
                        // Compiled programs run from here, so it allows exec; /tmp does not.
                        WORKDIR, tmpfsOptions + ",exec",
                        "/tmp", tmpfsOptions + ",noexec"))
                .withShmSize(limits.shmBytes())
                .withCapDrop(Capability.ALL)
                .withCapAdd(LAUNCHER_CAPABILITIES)
                // Every step runs in bubblewrap (fresh namespaces and places per step), in both modes.
                .withSecurityOpts(List.of("no-new-privileges", SeccompProfile.nestedSecurityOpt()))
                .withPrivileged(false)
                .withPidsLimit((long) limits.pids())
                .withMemory(limits.memoryBytes())
                .withMemorySwap(limits.memoryBytes())
                .withNanoCPUs((long) (limits.cpus() * 1_000_000_000L))
                .withUlimits(List.of(
                        new Ulimit("nofile", (long) limits.openFiles(), (long) limits.openFiles()),
                        new Ulimit("fsize", limits.scratchBytes(), limits.scratchBytes()),
                        new Ulimit("core", 0L, 0L)))
                // The launcher is PID 1: it reaps orphans and ends every process of each step.
                .withInit(false)
                .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE))
                .withAutoRemove(false);
    }
}
