package dev.codeexec.sandbox;

import java.time.Duration;

/** The resource limits of one run, resolved from configuration and the request. */
public record SandboxLimits(Duration timeout, long memoryBytes, double cpus, int pids, long outputBytes,
        long scratchBytes, int scratchFiles, long shmBytes, int openFiles) {
}
