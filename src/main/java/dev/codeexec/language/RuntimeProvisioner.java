package dev.codeexec.language;

import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.sandbox.Engine;
import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.RuntimeImages;
import dev.codeexec.sandbox.Sandbox;
import dev.codeexec.sandbox.SandboxLimits;
import dev.codeexec.sandbox.SandboxResult;
import dev.codeexec.sandbox.SandboxSpec;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * At startup, in the background: makes sure each enabled language's image exists (present, pulled
 * or built), asks the interpreter for its real version in a sandbox like any run, and marks the
 * language ready (firing a {@link Runtime} event). A language that fails is logged and left out; the others still serve.
 */
@ApplicationScoped
public class RuntimeProvisioner {

    private static final Logger LOG = Logger.getLogger(RuntimeProvisioner.class);
    private static final SandboxLimits PROBE_LIMITS =
            new SandboxLimits(Duration.ofSeconds(20), 256L << 20, 1.0, 64, 64 * 1024, 1 << 20, 256, 1 << 20, 64);

    private final LanguageRegistry registry;
    private final RuntimeImages images;
    private final Sandbox sandbox;
    private final Engine engine;
    private final Metrics metrics;
    private final Event<Runtime> ready;
    private final CodeExecConfig config;
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean retrying = new AtomicBoolean();
    private static final long RETRY_MIN_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long RETRY_MAX_NANOS = TimeUnit.MINUTES.toNanos(10);
    private volatile long nextRetry;
    private volatile long retryDelay;

    public RuntimeProvisioner(LanguageRegistry registry, RuntimeImages images, Sandbox sandbox,
            Engine engine, CodeExecConfig config, Metrics metrics, Event<Runtime> ready) {
        this.ready = ready;
        this.engine = engine;
        this.metrics = metrics;
        this.registry = registry;
        this.images = images;
        this.sandbox = sandbox;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.images().provisionOnStart()) {
            finished.countDown();
            return;
        }
        Thread thread = new Thread(this::provisionAll, "runtime-provisioner");
        thread.setDaemon(true);
        thread.start();
    }

    void provisionAll() {
        try {
            removeLeftovers();
            registry.languages().forEach(this::provision);
        } finally {
            finished.countDown();
        }
    }

    /**
     * Tries again, in the background, the languages that failed (e.g. the engine was down at
     * startup). Does nothing while the first pass or another retry runs.
     */
    public void retryFailed() {
        if (!finished() || failures.isEmpty() || System.nanoTime() < nextRetry || !retrying.compareAndSet(false, true)) {
            return;
        }
        // Back off between rounds (30 s doubling to 10 min), so a missing base image does not flood the log.
        retryDelay = retryDelay == 0 ? RETRY_MIN_NANOS : Math.min(2 * retryDelay, RETRY_MAX_NANOS);
        nextRetry = System.nanoTime() + retryDelay;
        Thread thread = new Thread(() -> {
            try {
                registry.languages().stream().filter(l -> failures.containsKey(l.id())).forEach(this::provision);
            } finally {
                retrying.set(false);
            }
        }, "runtime-provisioner-retry");
        thread.setDaemon(true);
        thread.start();
    }

    private void removeLeftovers() {
        try {
            int removed = engine.removeLeftovers();
            if (removed > 0) {
                LOG.infof("removed %d container(s) left behind by an earlier run of this instance", removed);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not look for leftover containers: %s", e.getMessage());
        }
    }

    private void provision(Language language) {
        try {
            Optional<String> configured = Optional.ofNullable(config.languages().get(language.id()))
                    .flatMap(CodeExecConfig.LanguageConfig::image);
            String image = images.ensure(language.id(), configured);
            String version = version(language, image);
            Runtime runtime = new Runtime(language, image, version);
            registry.markReady(runtime);
            ready.fire(runtime);
            failures.remove(language.id());
            metrics.runtimeReady(language.id(), true);
            LOG.infof("%s %s ready (image %s)", language.id(), version, image);
        } catch (RuntimeException e) {
            failures.put(language.id(), String.valueOf(e.getMessage()));
            metrics.runtimeReady(language.id(), false);
            LOG.errorf("%s is unavailable and left out: %s", language.id(), e.getMessage());
        }
    }

    private String version(Language language, String image) {
        SandboxResult result = sandbox.run(new SandboxSpec(language.id(), image, "/sandbox/probe",
                language.versionCommand(), new byte[0], List.of(), new byte[0], PROBE_LIMITS), new RunControl());
        String out = new String(result.output().stdout(), StandardCharsets.UTF_8).trim();
        if (result.exitCode() != 0 || out.isEmpty()) {
            throw new IllegalStateException("version probe exited " + result.exitCode() + ": "
                    + new String(result.output().combined(), StandardCharsets.UTF_8).trim());
        }
        return out;
    }

    /** True once every language was tried (ready or failed). */
    public boolean finished() {
        return finished.getCount() == 0;
    }

    /** Languages that could not be provisioned, with the reason. */
    public Map<String, String> failures() {
        return Map.copyOf(failures);
    }
}
