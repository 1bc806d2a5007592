package dev.codeexec.session;

import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.config.SessionsConfig;
import dev.codeexec.execution.Execution;
import dev.codeexec.execution.InvalidExecutionException;
import dev.codeexec.execution.LimitsResolver;
import dev.codeexec.execution.RuntimeNotReadyException;
import dev.codeexec.execution.UnsupportedLanguageException;
import dev.codeexec.language.Language;
import dev.codeexec.language.LanguageRegistry;
import dev.codeexec.language.Runtime;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.metrics.Metrics.SessionEnd;
import dev.codeexec.sandbox.KeptSandbox;
import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.Sandbox;
import dev.codeexec.sandbox.SandboxFile;
import dev.codeexec.sandbox.SandboxSession;
import dev.codeexec.sandbox.SandboxSpec;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The sessions of this replica: made for a client, found only by that client (anyone else hears
 * "no such session"), ended when deleted, idle too long, past their lifetime, or when their sandbox
 * dies. A session id carries the replica that holds it ({@code <random>-<replica>}), so a request
 * that reaches another replica is told where to go (421) instead of "not found".
 */
@ApplicationScoped
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a client asks for: a language, optional limits and idle timeout, files to start with. */
    public record Request(String language, Integer timeoutMs, Integer memoryMb, Integer idleTimeoutMs,
            List<SandboxFile> files, Map<String, Object> metadata) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Integer> making = new HashMap<>();
    private final LanguageRegistry languages;
    private final LimitsResolver limits;
    private final Sandbox sandbox;
    private final SessionsConfig config;
    private final Metrics metrics;
    private final String replica;

    public Sessions(LanguageRegistry languages, LimitsResolver limits, Sandbox sandbox, CodeExecConfig config,
            Metrics metrics) {
        this.languages = languages;
        this.limits = limits;
        this.sandbox = sandbox;
        this.config = config.sessions();
        this.metrics = metrics;
        this.replica = this.config.replicaName();
        metrics.sessions(sessions::size);
    }

    /** This replica's name, the part of every session id after the first '-'. */
    public String replica() {
        return replica;
    }

    public SessionsConfig config() {
        return config;
    }

    /** A new session for the client, its files written; refused past the client's or the replica's cap. */
    public Session create(String owner, Request request) {
        Language language = languages.find(request.language() == null ? "" : request.language())
                .orElseThrow(() -> new UnsupportedLanguageException(languages.names()));
        // The language's limits, the session's memory unless the client names its own; times are the session's.
        Integer memoryMb = request.memoryMb() != null ? request.memoryMb()
                : (int) Math.min(config.memory().asLongValue() >> 20, Integer.MAX_VALUE);
        LimitsResolver.Limits base = limits.resolve(language, new Execution(language.id(), "", null, null, null,
                null, memoryMb, null, null, null, null, null, null, null, null, null, null));
        LimitsResolver.Limits resolved = new LimitsResolver.Limits(base.run(), timeout(request.timeoutMs(),
                config.timeout()), null, base.output(), base.compile(), base.compileTimeout(), null, base.compileOutput());
        Duration idle = idleTimeout(request.idleTimeoutMs());
        Runtime runtime = languages.runtime(language).orElseThrow(() -> new RuntimeNotReadyException(language.id()));
        reserve(owner);
        try {
            String id = HexFormat.of().formatHex(randomBytes()) + "-" + replica;
            Instant now = Instant.now();
            Instant end = now.plus(config.maxLifetime());
            SandboxSpec spec = new SandboxSpec(language.id(), runtime.image(),
                    language.compiled() ? resolved.compile() : resolved.run());
            KeptSandbox kept = sandbox.keep(spec, id, end);
            Session session = new Session(id, owner, runtime, resolved, kept, now, idle, end, request.metadata());
            try {
                if (request.files() != null && !request.files().isEmpty()) {
                    try (SandboxSession launcher = kept.channel(new RunControl())) {
                        launcher.write(request.files());
                    }
                }
            } catch (RuntimeException e) {
                kept.close();
                throw e;
            }
            sessions.put(id, session);
            LOG.debugf("session %s made for %s (%s)", id, owner, language.id());
            return session;
        } finally {
            unreserve(owner);
        }
    }

    /** The client's session; 421 when another replica holds it, 404 when there is none for this client. */
    public Session find(String owner, String id) {
        checkReplica(id);
        Session session = sessions.get(id);
        if (session == null || !session.owner().equals(owner)) {
            throw new SessionNotFoundException(id);
        }
        return session;
    }

    /**
     * Any client's session, for a caller that proves its right another way (an adapter's token); 421
     * when another replica holds it, 404 when there is none.
     */
    public Session find(String id) {
        checkReplica(id);
        Session session = sessions.get(id);
        if (session == null) {
            throw new SessionNotFoundException(id);
        }
        return session;
    }

    private void checkReplica(String id) {
        int dash = id.indexOf('-');
        String holder = dash < 0 ? "" : id.substring(dash + 1);
        if (dash > 0 && !holder.isEmpty() && !holder.equals(replica)) {
            throw new WrongReplicaException(id, holder);
        }
    }

    /** The client's sessions on this replica, oldest first. */
    public List<Session> list(String owner) {
        return sessions.values().stream().filter(s -> s.owner().equals(owner))
                .sorted(java.util.Comparator.comparing(Session::created)).toList();
    }

    public void delete(String owner, String id) {
        end(find(owner, id), SessionEnd.DELETED);
    }

    /** A new idle timeout for the session, from now (within max-idle-timeout). */
    public void idleTimeout(Session session, Integer idleTimeoutMs) {
        session.idleTimeout(idleTimeout(idleTimeoutMs));
    }

    @Scheduled(every = "${code-exec.sessions.sweep-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant now = Instant.now();
        for (Session s : sessions.values()) {
            if (s.over(now)) {
                end(s, !now.isBefore(s.end()) ? SessionEnd.LIFETIME
                        : !s.sandbox().alive() ? SessionEnd.GONE : SessionEnd.IDLE);
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        sessions.values().forEach(s -> end(s, SessionEnd.SHUTDOWN));
    }

    private void end(Session session, SessionEnd why) {
        if (sessions.remove(session.id(), session)) {
            session.close();
            metrics.sessionEnded(why);
            LOG.debugf("session %s ended: %s", session.id(), why);
        }
    }

    /** A command's or cell's time limit: the request's (1 ms to max-timeout), else the fallback. */
    public Duration timeout(Integer ms, Duration fallback) {
        long max = config.maxTimeout().toMillis();
        if (ms != null && (ms < 1 || ms > max)) {
            throw new InvalidExecutionException("timeoutMs must be between 1 and " + max);
        }
        return ms == null ? fallback : Duration.ofMillis(ms);
    }

    private Duration idleTimeout(Integer ms) {
        if (ms == null) {
            return config.idleTimeout();
        }
        long max = config.maxIdleTimeout().toMillis();
        if (ms < 1000 || ms > max) {
            throw new InvalidExecutionException("idleTimeoutMs must be between 1000 and " + max);
        }
        return Duration.ofMillis(ms);
    }

    private synchronized void reserve(String owner) {
        long mine = sessions.values().stream().filter(s -> s.owner().equals(owner)).count()
                + making.getOrDefault(owner, 0);
        long all = sessions.size() + making.values().stream().mapToInt(Integer::intValue).sum();
        if (mine >= config.perClient()) {
            throw new SessionLimitException("this client holds " + config.perClient()
                    + " sessions already (at most " + config.perClient() + "); delete one first");
        }
        if (all >= config.max()) {
            throw new SessionLimitException("this replica holds " + config.max() + " sessions already; try later");
        }
        making.merge(owner, 1, Integer::sum);
    }

    private synchronized void unreserve(String owner) {
        making.computeIfPresent(owner, (k, n) -> n <= 1 ? null : n - 1);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[10];
        RANDOM.nextBytes(b);
        return b;
    }
}
