package dev.codeexec.language;

import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.config.LanguageConfig;
import dev.codeexec.metrics.Metrics;
import dev.codeexec.sandbox.ContainerLimits;
import dev.codeexec.sandbox.Engine;
import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.RuntimeImages;
import dev.codeexec.sandbox.Sandbox;
import dev.codeexec.sandbox.SandboxSession;
import dev.codeexec.sandbox.SandboxSpec;
import dev.codeexec.sandbox.Step;
import dev.codeexec.sandbox.StepResult;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * In the background from startup: makes sure each enabled language's image exists (present, pulled
 * or built; {@code code-exec.images.parallel-builds} at once), asks the language for its real
 * version in a sandbox like any run, and marks it ready (firing a {@link Runtime} event). A language
 * that fails is logged and left out; the others serve, and a scheduled job tries the failed ones
 * again (30 s, doubling to 10 min).
 */
@ApplicationScoped
public class RuntimeProvisioner {

    private static final Logger LOG = Logger.getLogger(RuntimeProvisioner.class);
    /** Enough for any bundled language to print its version (JVMs included). */
    private static final ContainerLimits PROBE_LIMITS =
            new ContainerLimits(512L << 20, 1.0, 128, 16L << 20, 1024, 1L << 20, 256);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    private static final long RETRY_MIN_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long RETRY_MAX_NANOS = TimeUnit.MINUTES.toNanos(10);
    /** Debian's rule for a package name (policy 5.6.1); anything else never reaches an image build. */
    private static final Pattern PACKAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");

    private final LanguageRegistry registry;
    private final RuntimeImages images;
    private final Sandbox sandbox;
    private final Engine engine;
    private final Metrics metrics;
    private final Event<Runtime> ready;
    private final CodeExecConfig config;
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final AtomicBoolean busy = new AtomicBoolean(true);
    private volatile boolean finished;
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
        registry.languages().forEach(l -> metrics.runtimeReady(l.id(), false));
        Uni.createFrom().item(() -> {
            removeLeftovers();
            return true;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToUni(x -> provision(registry.languages()))
                .subscribe().with(x -> done(), e -> done());
    }

    private void done() {
        finished = true;
        busy.set(false);
    }

    /** Provisions the languages, a bounded number at once; completes when each is ready or failed. */
    private Uni<List<Boolean>> provision(List<Language> languages) {
        return Multi.createFrom().iterable(languages)
                .onItem().transformToUni(l -> Uni.createFrom().item(() -> provision(l))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .merge(Math.max(1, config.images().parallelBuilds()))
                .collect().asList();
    }

    /** Tries the languages that failed again (e.g. the engine was down at startup), with a growing pause. */
    @Scheduled(every = "10s", delay = 10, delayUnit = TimeUnit.SECONDS)
    void retryFailed() {
        if (!finished || failures.isEmpty() || System.nanoTime() < nextRetry || !busy.compareAndSet(false, true)) {
            return;
        }
        retryDelay = retryDelay == 0 ? RETRY_MIN_NANOS : Math.min(2 * retryDelay, RETRY_MAX_NANOS);
        nextRetry = System.nanoTime() + retryDelay;
        provision(registry.languages().stream().filter(l -> failures.containsKey(l.id())).toList())
                .subscribe().with(x -> busy.set(false), e -> busy.set(false));
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

    private boolean provision(Language language) {
        try {
            Optional<LanguageConfig> settings = Optional.ofNullable(config.languages().language().get(language.id()));
            String image = images.ensure(language.id(), settings.flatMap(LanguageConfig::image),
                    extraPackages(settings.flatMap(LanguageConfig::packages).orElse(List.of())));
            String version = version(language, image);
            Runtime runtime = new Runtime(language, image, version, libraries(language, image));
            registry.markReady(runtime);
            failures.remove(language.id());
            metrics.runtimeReady(language.id(), true);
            LOG.infof("%s %s ready (image %s)", language.id(), version, image);
            ready.fire(runtime);
            return true;
        } catch (RuntimeException e) {
            failures.put(language.id(), String.valueOf(e.getMessage()));
            metrics.runtimeReady(language.id(), false);
            LOG.errorf("%s is unavailable and left out: %s", language.id(), e.getMessage());
            return false;
        }
    }

    private static List<String> extraPackages(List<String> names) {
        List<String> packages = names.stream().map(String::strip).filter(n -> !n.isEmpty()).distinct().toList();
        for (String name : packages) {
            if (!PACKAGE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("extra package '" + name + "' is not a Debian package name");
            }
        }
        return packages;
    }

    private String version(Language language, String image) {
        try (SandboxSession session = sandbox.open(new SandboxSpec(language.id(), image, PROBE_LIMITS), new RunControl())) {
            StepResult result = session.execute(new Step(Step.Kind.RUN, language.version(), language.env(), new byte[0],
                    PROBE_TIMEOUT, null, 64 * 1024));
            String out = new String(result.output().stdout(), StandardCharsets.UTF_8).trim();
            if (result.exitCode() != 0 || out.isEmpty()) {
                throw new IllegalStateException("version probe exited " + result.exitCode() + ": "
                        + new String(result.output().combined(), StandardCharsets.UTF_8).trim());
            }
            return out.lines().findFirst().orElse(out).trim();
        }
    }

    /**
     * The libraries the image lists in /opt/code-exec/packages.txt (its Dockerfile installed them),
     * with the versions dpkg knows; none when it lists none.
     */
    private List<Runtime.Library> libraries(Language language, String image) {
        try (SandboxSession session = sandbox.open(new SandboxSpec(language.id(), image, PROBE_LIMITS), new RunControl())) {
            StepResult result = session.execute(new Step(Step.Kind.RUN, List.of("/bin/sh", "-c", LIBRARIES),
                    Map.of(), new byte[0], PROBE_TIMEOUT, null, 64 * 1024));
            if (result.exitCode() != 0) {
                throw new IllegalStateException("library probe exited " + result.exitCode() + ": "
                        + new String(result.output().combined(), StandardCharsets.UTF_8).trim());
            }
            return new String(result.output().stdout(), StandardCharsets.UTF_8).lines().map(l -> l.split("\t", 2))
                    .filter(f -> f.length == 2).map(f -> new Runtime.Library(f[0], f[1])).sorted(
                            Comparator.comparing(Runtime.Library::name)).toList();
        }
    }

    /** Lists each package of packages.txt with its version (tab-separated), or nothing without the file. */
    private static final String LIBRARIES = "f=/opt/code-exec/packages.txt; [ -f \"$f\" ] || exit 0; "
            + "sed 's/#.*//' \"$f\" | xargs -r dpkg-query -W -f='${Package}\\t${Version}\\n'";

    /** True once every language was tried (ready or failed). */
    public boolean finished() {
        return finished;
    }

    /** Languages that could not be provisioned, with the reason. */
    public Map<String, String> failures() {
        return Map.copyOf(failures);
    }
}
