package dev.codeexec.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the service, under the {@code code-exec.} prefix (env: {@code CODE_EXEC_...}): one group per
 * concern, each in its own file of this package ({@link LimitsConfig}, {@link PoolConfig}, {@link DockerConfig}, ...).
 */
@ConfigMapping(prefix = "code-exec")
public interface CodeExecConfig {

    /** Limits every run gets unless its language or the request says otherwise. */
    LimitsConfig limits();

    /** Which languages are offered, and per-language settings. */
    LanguagesConfig languages();

    /** Runtime image provisioning. */
    ImagesConfig images();

    /** The Docker client. */
    DockerConfig docker();

    /** Warm containers, started ahead of time, each used for one run. */
    PoolConfig pool();

    /** Throughput mode: long-lived containers, every step in fresh namespaces (bubblewrap). */
    ThroughputConfig throughput();

    /** Compiled programs kept for when the same program comes again. */
    CompileCacheConfig compileCache();

    /** Requests per client (by API key when keys are on, else by IP) on POST /run, /api/v2/execute and /submissions. */
    RateLimitConfig rateLimit();

    /** API keys; when set, every API path (ours, Piston's, Judge0's) needs one (X-API-Key, X-Auth-Token or Authorization: Bearer). */
    Optional<List<String>> apiKeys();

    /** Graceful shutdown. */
    ShutdownConfig shutdown();

    /** The HTTP tier's own limits (beyond quarkus.http.*). */
    HttpConfig http();

    /** Sessions: sandboxes kept for a client between requests. */
    SessionsConfig sessions();

    /** Concurrency guard around runs (read by the fault-tolerance settings in application.properties). */
    ExecutionConfig execution();
}
