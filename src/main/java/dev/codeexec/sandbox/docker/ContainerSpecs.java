package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ulimit;
import dev.codeexec.sandbox.SandboxLimits;
import dev.codeexec.sandbox.SandboxSpec;
import java.util.List;
import java.util.Map;

/** Turns a sandbox spec into a locked-down container definition. Nothing here comes from the client. */
final class ContainerSpecs {

    /** Unprivileged user of the runtime images (see src/main/runtimes/*\/Dockerfile). */
    static final String USER = "10000:10000";
    static final String WORKDIR = "/sandbox";
    static final List<String> ENV = List.of(
            "HOME=/sandbox", "LANG=C.UTF-8", "PATH=/usr/local/bin:/usr/bin:/bin", "TMPDIR=/tmp");

    private ContainerSpecs() {
    }

    static CreateContainerCmd create(DockerClient docker, SandboxSpec spec, Map<String, String> labels) {
        return docker.createContainerCmd(spec.image())
                .withCmd(LauncherProtocol.command(spec.sourceFile(), spec.command()))
                .withUser(USER)
                .withWorkingDir(WORKDIR)
                .withEnv(ENV)
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

    static HostConfig hostConfig(SandboxLimits limits) {
        String tmpfsOptions = "rw,nosuid,nodev,noexec,size=" + limits.scratchBytes()
                + ",nr_inodes=" + limits.scratchFiles();
        return HostConfig.newHostConfig()
                .withNetworkMode("none")
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of(
                        WORKDIR, tmpfsOptions + ",uid=10000,gid=10000,mode=0700",
                        "/tmp", tmpfsOptions + ",mode=1777"))
                .withShmSize(limits.shmBytes())
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges", SeccompProfile.securityOpt()))
                .withPrivileged(false)
                .withPidsLimit((long) limits.pids())
                .withMemory(limits.memoryBytes())
                .withMemorySwap(limits.memoryBytes())
                .withNanoCPUs((long) (limits.cpus() * 1_000_000_000L))
                .withUlimits(List.of(
                        new Ulimit("nofile", (long) limits.openFiles(), (long) limits.openFiles()),
                        new Ulimit("fsize", limits.scratchBytes(), limits.scratchBytes()),
                        new Ulimit("core", 0L, 0L)))
                // The launcher is PID 1: it reaps orphans and ends every process of the run.
                .withInit(false)
                .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE))
                .withAutoRemove(false);
    }
}
