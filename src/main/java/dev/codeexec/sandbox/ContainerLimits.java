package dev.codeexec.sandbox;

/**
 * What a sandbox's container may use while a step runs: memory (swap equal to it), CPU quota,
 * processes and threads, the size and file count of each scratch tmpfs, /dev/shm, open files.
 */
public record ContainerLimits(long memoryBytes, double cpus, int pids, long scratchBytes, int scratchFiles,
        long shmBytes, int openFiles) {

    /** The same limits with another memory size and process count (e.g. a compiler's). */
    public ContainerLimits with(long memory, int processes) {
        return new ContainerLimits(memory, cpus, processes, scratchBytes, scratchFiles, shmBytes, openFiles);
    }

    /** True when a running container made with these limits can take the other ones (docker update). */
    public boolean canChangeTo(ContainerLimits other) {
        return scratchBytes == other.scratchBytes && scratchFiles == other.scratchFiles && shmBytes == other.shmBytes
                && openFiles == other.openFiles;
    }
}
