package dev.codeexec.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every setting of the service, under the {@code code-exec.} prefix (env: {@code CODE_EXEC_...}). */
@ConfigMapping(prefix = "code-exec")
public interface CodeExecConfig {

    /** Limits every run gets unless its language or the request says otherwise. */
    LimitsConfig limits();

    /** Which languages are offered, and per-language settings. */
    LanguagesConfig languages();

    interface LanguagesConfig {
        /** Language ids to offer (default: every bundled language). */
        Optional<List<String>> enabled();

        /** Per-language settings, keyed by language id ({@code code-exec.languages.<id>.*}). */
        @io.smallrye.config.WithParentName
        Map<String, LanguageConfig> language();
    }

    /** Runtime image provisioning. */
    ImagesConfig images();

    /** The Docker client. */
    DockerConfig docker();

    /** Warm containers, started ahead of time, each used for one run. */
    PoolConfig pool();

    /** Throughput mode: long-lived containers, every step in fresh namespaces (bubblewrap). */
    ThroughputConfig throughput();

    interface ThroughputConfig {
        /** true: requests of the chosen languages run in throughput mode instead of a fresh container each. */
        @WithDefault("false")
        boolean enabled();

        /** Languages served this way (default: all). */
        Optional<List<String>> languages();

        /** Containers per language and limits (each serves one request at a time); beyond: fresh containers. */
        @WithDefault("4")
        int containers();

        /** Requests a container serves before it is replaced. */
        @WithDefault("200")
        int runsPerContainer();
    }

    /** Compiled programs kept for when the same program comes again. */
    CompileCacheConfig compileCache();

    interface CompileCacheConfig {
        /** false: every request compiles. */
        @WithDefault("true")
        boolean enabled();

        /** Total size of the kept compilations (sources, artefacts, compiler output), in memory. */
        @WithDefault("256M")
        MemorySize maxSize();

        /** A compilation bigger than this is not kept. */
        @WithDefault("32M")
        MemorySize maxEntrySize();
    }

    interface PoolConfig {
        /** false: every run creates its container on the request path. */
        @WithDefault("true")
        boolean enabled();

        /** Containers kept ready for a language in use (0 disables the pool for all languages). */
        @WithDefault("2")
        int size();

        /** Most containers per language when demand grows (a run found the pool empty). */
        @WithDefault("4")
        int maxSize();

        /** Most idle containers of all languages together. */
        @WithDefault("8")
        int maxTotal();

        /** Containers being started at once. */
        @WithDefault("2")
        int refillParallelism();

        /** After this long without a run finding the pool empty, the target shrinks by one. */
        @WithDefault("60s")
        Duration shrinkAfter();

        /** A language not used for this long keeps no containers (unless its pool-size is set). */
        @WithDefault("10m")
        Duration idleAfter();

        /** A pooled container waiting longer than this is replaced (so live instances' containers stay young). */
        @WithDefault("10m")
        Duration maxIdle();
    }

    /** Requests per client (by API key when keys are on, else by IP) on POST /run, /api/v2/execute and /submissions. */
    RateLimitConfig rateLimit();

    interface RateLimitConfig {
        /** false turns rate limiting off. */
        @WithDefault("true")
        boolean enabled();

        /** Runs a client may request per minute (also the burst). */
        @WithDefault("120")
        int requestsPerMinute();

        /** Most clients tracked at once (least recently seen are forgotten first). */
        @WithDefault("100000")
        long maxClients();

        /** Runs one client may have in flight at once, running or queued; default half the run slots, at least 1. */
        Optional<Integer> maxInFlightPerClient();
    }

    /** API keys; when set, every API path (ours, Piston's, Judge0's) needs one (X-API-Key, X-Auth-Token or Authorization: Bearer). */
    Optional<List<String>> apiKeys();

    /** Graceful shutdown. */
    ShutdownConfig shutdown();

    interface ShutdownConfig {
        /** On SIGTERM, how long in-flight runs may take to finish before their containers are killed. */
        @WithDefault("30s")
        Duration gracePeriod();
    }

    /** The HTTP tier's own limits (beyond quarkus.http.*). */
    HttpConfig http();

    interface HttpConfig {
        /** A request body must arrive completely within this time, else 408 and the connection is closed. */
        @WithDefault("10s")
        Duration bodyTimeout();

        /** Other sites' origins (scheme://host[:port]) whose pages may send requests; by default none. */
        Optional<List<String>> allowedOrigins();

        /**
         * The service's own origins (scheme://host[:port]) as browsers reach it, for the playground;
         * by default only loopback (localhost, 127.0.0.1, [::1], any port).
         */
        Optional<List<String>> publicOrigins();
    }

    /** Concurrency guard around runs (read by the fault-tolerance settings in application.properties). */
    ExecutionConfig execution();

    interface ExecutionConfig {
        /** Runs at once; default the engine's CPUs / limits.cpus, at least 1 (EngineCpusConfigSourceFactory). */
        int maxConcurrent();

        /** Runs that may wait for a free slot; more are refused with 503. */
        @WithDefault("32")
        int queue();

        /** How long the circuit breaker stays open after engine failures, in ms (also the Retry-After). */
        @WithDefault("5000")
        long circuitDelayMs();

        /**
         * Outer guard on one request in ms, queue wait included; must exceed max-compile-timeout +
         * max-total-run-time + 15 s (checked at startup).
         */
        @WithDefault("120000")
        long guardTimeoutMs();
    }

    interface LimitsConfig {
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

    interface LanguageConfig {
        /** Image to run this language in; default: the project's image built from the bundled Dockerfile. */
        Optional<String> image();

        /** false leaves the language out; true takes in an optional one (default: the descriptor decides). */
        Optional<Boolean> enabled();

        /** Overrides code-exec.limits.timeout for this language. */
        Optional<Duration> timeout();

        /** Overrides code-exec.limits.memory for this language. */
        Optional<MemorySize> memory();

        /** Overrides code-exec.limits.cpus for this language. */
        Optional<Double> cpus();

        /** Overrides code-exec.limits.pids for this language. */
        Optional<Integer> pids();

        /** Overrides the compile step's wall-clock limit for this language. */
        Optional<Duration> compileTimeout();

        /** Overrides the compile step's memory limit for this language. */
        Optional<MemorySize> compileMemory();

        /** Overrides code-exec.pool.size for this language (0 disables its pool). */
        Optional<Integer> poolSize();
    }

    interface ImagesConfig {
        /** Base image the bundled runtime Dockerfiles build FROM (via the project's base image). */
        @WithDefault("debian:bookworm-slim")
        String baseImage();

        /** Repository part of the project's runtime image names: {@code <repository>/<language>:<hash>}. */
        @WithDefault("code-exec")
        String repository();

        /** Pull absent project images from {@code repository} (a registry the operator pushed them to). */
        @WithDefault("false")
        boolean pull();

        /** Build absent project images from the bundled Dockerfiles (false: they must be present or pulled). */
        @WithDefault("true")
        boolean build();

        /** Image builds at once when provisioning. */
        @WithDefault("4")
        int parallelBuilds();

        /** Extra build arguments for every image build (e.g. EXTRA_CA_PEM or MAVEN_REPO for the optional JVM languages). */
        Map<String, String> buildArgs();

        /** Network mode of image builds (host lets apt reach the archive on hosts where the bridge cannot). */
        @WithDefault("host")
        String buildNetwork();

        /** Longest a pull may take. */
        @WithDefault("2m")
        Duration pullTimeout();

        /** Longest one image build may take. */
        @WithDefault("15m")
        Duration buildTimeout();
    }

    interface DockerConfig {
        /** Engine address; default: DOCKER_HOST, else the local unix socket. */
        Optional<String> host();

        /** Timeout to connect to the engine. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Longest wait for an answer from the engine (streams included: keep it above the max timeout). */
        @WithDefault("60s")
        Duration responseTimeout();

        /** Most connections to the engine at once. */
        @WithDefault("200")
        int maxConnections();

        /** Id of this instance, carried by its containers' labels; default: host name plus a random suffix, unique per process. */
        Optional<String> instanceId();

        /** Service name in the containers' labels; instances with the same one reap each other's orphans. */
        @WithDefault("code-exec")
        String service();

        /** A container of another instance older than this is an orphan; default pool.max-idle + execution.guard-timeout-ms + 1 min. */
        Optional<Duration> reapAfter();

        /** How often orphans of dead instances are looked for. */
        @WithDefault("1m")
        Duration reapEvery();

        /**
         * How long past a step's own limit the launcher's report may take before the service kills
         * the sandbox (the step is then a TIMEOUT; later test cases go on in a fresh sandbox).
         */
        @WithDefault("1500ms")
        Duration launcherGrace();
    }
}
