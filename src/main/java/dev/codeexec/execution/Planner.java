package dev.codeexec.execution;

import dev.codeexec.config.CodeExecConfig;
import dev.codeexec.config.LimitsConfig;
import dev.codeexec.language.Language;
import dev.codeexec.language.LanguageRegistry;
import dev.codeexec.language.Runtime;
import dev.codeexec.sandbox.SandboxSpec;
import dev.codeexec.sandbox.Step;
import dev.codeexec.sandbox.StepResult;
import dev.codeexec.sandbox.WarmPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Request to plan: resolves the language, checks the program, input, arguments and test cases,
 * resolves the limits, finds the ready runtime, and builds the {@link Plan} (the sandbox to open,
 * the files, the compile step and its cache key, the run steps, how to judge them). Also tells the
 * warm pool what a language's default sandbox is once its runtime is ready. Runs nothing.
 */
@ApplicationScoped
public class Planner {

    /** A plan and what classifying its result needs. */
    record Planned(Language language, Runtime runtime, LimitsResolver.Limits limits, Judging judging, Plan plan) {
    }

    private final LanguageRegistry languages;
    private final LimitsResolver limits;
    private final LimitsConfig caps;
    private final WarmPool pool;
    private final CompileCache cache;

    public Planner(LanguageRegistry languages, LimitsResolver limits, CodeExecConfig config, WarmPool pool,
            CompileCache cache) {
        this.languages = languages;
        this.limits = limits;
        this.caps = config.limits();
        this.pool = pool;
        this.cache = cache;
    }

    /** Fails with the request's own error (4xx) or RuntimeNotReadyException before anything runs. */
    Planned plan(Execution request) {
        Language language = languages.find(request.language())
                .orElseThrow(() -> new UnsupportedLanguageException(languages.names()));
        Program program = Program.of(request, language, caps);
        byte[] input = utf8(request.input());
        List<String> args = request.args() == null ? List.of() : request.args();
        RequestChecks.check(caps, input, args);
        LimitsResolver.Limits resolved = limits.resolve(language, request);
        Judging judging = TestChecks.check(request, caps, resolved.timeout());
        Plan.Wanted outputs = OutputChecks.check(request, caps);
        Runtime runtime = languages.runtime(language)
                .orElseThrow(() -> new RuntimeNotReadyException(language.id()));
        return new Planned(language, runtime, resolved, judging,
                plan(runtime, program, input, args, resolved, judging, outputs));
    }

    private Plan plan(Runtime runtime, Program program, byte[] input, List<String> args,
            LimitsResolver.Limits limits, Judging judging, Plan.Wanted outputs) {
        Language language = runtime.language();
        Step compile = language.compiled()
                ? new Step(Step.Kind.COMPILE, language.compileCommand(program.entry()), language.env(), new byte[0],
                        limits.compileTimeout(), limits.compileCpuTime(), limits.compileOutput())
                : null;
        List<Step> runs = new ArrayList<>();
        if (judging == null) {
            Step run = run(language, program, args, input, limits);
            runs.add(outputs == null ? run : run.keepingFiles());
        } else {
            for (TestCase c : judging.cases()) {
                runs.add(run(language, program, c.args() != null ? c.args() : args, utf8(c.input()), limits));
            }
        }
        BiFunction<Integer, StepResult, Verdict> judge = judging == null ? null
                : (i, r) -> judging.verdict(i, OutcomeClassifier.run(r, limits));
        SandboxSpec spec = new SandboxSpec(language.id(), runtime.image(), compile != null ? limits.compile() : limits.run(),
                preload(language));
        String key = compile == null ? null : cache.key(runtime.image(), compile, limits.compile(), program.files());
        return new Plan(spec, program.files(), compile, key, limits.run(), List.copyOf(runs), judge,
                judging != null && judging.stopOnFirstFailure(), caps.maxRequestOutput().asLongValue(), outputs);
    }

    private static Step run(Language language, Program program, List<String> args, byte[] input,
            LimitsResolver.Limits limits) {
        List<String> command = new ArrayList<>(language.runCommand(program.entry()));
        command.addAll(args);
        return new Step(Step.Kind.RUN, command, language.env(), input, limits.timeout(), limits.cpuTime(), limits.output());
    }

    /** A language became ready: its sandboxes with default limits may be kept warm. */
    void warm(@Observes Runtime runtime) {
        Language language = runtime.language();
        LimitsResolver.Limits defaults = limits.defaults(language);
        pool.keepWarm(new SandboxSpec(language.id(), runtime.image(),
                language.compiled() ? defaults.compile() : defaults.run(), preload(language)));
    }

    /** The language's loader, started with the sandbox (interpreted languages that have one). */
    private static SandboxSpec.Preload preload(Language language) {
        return language.preload().isEmpty() || language.compiled() ? null
                : new SandboxSpec.Preload(language.preload(), language.env());
    }

    private static byte[] utf8(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
