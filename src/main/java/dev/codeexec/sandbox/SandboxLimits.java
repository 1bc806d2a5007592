package dev.codeexec.sandbox;

import java.time.Duration;

/**
 * The resource limits of one run, resolved from configuration and the request. The timeout and
 * the output cap are enforced by the service; the rest are the container's own.
 */
public record SandboxLimits(Duration timeout, long memoryBytes, double cpus, int pids, long outputBytes,
        long scratchBytes, int scratchFiles, long shmBytes, int openFiles) {

    /** Same container-level limits (everything but the timeout and the output cap). */
    public boolean sameContainerAs(SandboxLimits o) {
        return memoryBytes == o.memoryBytes && cpus == o.cpus && pids == o.pids && scratchBytes == o.scratchBytes
                && scratchFiles == o.scratchFiles && shmBytes == o.shmBytes && openFiles == o.openFiles;
    }
}
