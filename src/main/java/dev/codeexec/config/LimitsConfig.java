package dev.codeexec.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits every run gets unless its language or the request says otherwise ({@code code-exec.limits.*}). */
public interface LimitsConfig {
    /** Wall-clock limit of a compile step when the request and the language name none. */
    @WithDefault("10s")
    Duration compileTimeout();

    /** The highest compile wall-clock limit a request may ask for. */
    @WithDefault("30s")
    Duration maxCompileTimeout();

    /** Memory limit of a compile step when the request and the language name none. */
    @WithDefault("512M")
    MemorySize compileMemory();

    /** The highest compile memory limit a request may ask for. */
    @WithDefault("1G")
    MemorySize maxCompileMemory();

    /** Processes and threads of a compile step when the language names none. */
    @WithDefault("128")
    int compilePids();

    /** Cap on a compiler's stdout and stderr together. */
    @WithDefault("256K")
    MemorySize compileOutput();

    /** Most test cases of one request. */
    @WithDefault("64")
    int maxTests();

    /** Most files of a multi-file program. */
    @WithDefault("32")
    int maxFiles();

    /** Wall-clock limit of a run when the request names none. */
    @WithDefault("3s")
    Duration timeout();

    /** The highest wall-clock limit a request may ask for. */
    @WithDefault("10s")
    Duration maxTimeout();

    /** Most wall-clock time all run steps of one request may be given together (e.g. test cases). */
    @WithDefault("60s")
    Duration maxTotalRunTime();

    /** Memory limit (RAM, swap equal to it) of a run when the request names none. */
    @WithDefault("128M")
    MemorySize memory();

    /** The highest memory limit a request may ask for. */
    @WithDefault("512M")
    MemorySize maxMemory();

    /** CPU quota of a run, in cores. */
    @WithDefault("1.0")
    double cpus();

    /** Most processes and threads a run may have at once. */
    @WithDefault("64")
    int pids();

    /** Cap on stdout and stderr together; the run is killed when it is hit. */
    @WithDefault("1M")
    MemorySize output();

    /** Most files a run's "outputs" may bring back. */
    @WithDefault("16")
    int outputFiles();

    /** Most bytes the files a run's "outputs" bring back may hold together (before base64). */
    @WithDefault("4M")
    MemorySize outputFilesSize();

    /**
     * Most output one request's answer keeps: stdout and stderr of every step (compilation and
     * each run or test case) together. Each case is judged on all it printed; past this, its
     * output in the answer is cut and marked truncated.
     */
    @WithDefault("8M")
    MemorySize maxRequestOutput();

    /** Largest program accepted, in bytes: the code, or all files together (decoded). */
    @WithDefault("64K")
    MemorySize code();

    /** Largest stdin accepted, in bytes of UTF-8. */
    @WithDefault("1M")
    MemorySize input();

    /** Most command-line arguments a request may pass. */
    @WithDefault("64")
    int maxArgs();

    /** Size of the writable tmpfs holding the program (/sandbox) and of /tmp each; also the largest file. */
    @WithDefault("16M")
    MemorySize scratch();

    /** Most files and directories in /sandbox and in /tmp each (tmpfs nr_inodes). */
    @WithDefault("4096")
    int scratchFiles();

    /** Size of /dev/shm. */
    @WithDefault("8M")
    MemorySize shm();

    /** Most open files per process (ulimit nofile). */
    @WithDefault("256")
    int openFiles();
}
