package dev.codeexec.sandbox;

import java.util.List;

/**
 * One fresh sandbox, used for one request and destroyed when closed: files go in, then steps run
 * one after the other. Every process of a step is gone when it returns, and what a run step left
 * in the scratch space is gone before the next step starts.
 */
public interface SandboxSession extends AutoCloseable {

    /** Writes files (owned by the builder: run steps can read and execute them, not change them). */
    void write(List<SandboxFile> files);

    /**
     * Runs a step to its end, its time or CPU limit, or its output cap.
     *
     * @throws RunCancelledException when the run was cancelled meanwhile
     * @throws SandboxUnavailableException when the engine failed or the sandbox died without a result
     */
    StepResult execute(Step step);

    /** Changes the limits for the steps that follow (e.g. from a compiler's to the program's). */
    void limit(ContainerLimits limits);

    /** Every file the builder owns (sources and compiler output), or empty when some cannot be copied. */
    List<SandboxFile> pack();

    /**
     * The files the last run step wrote (or found) whose paths match a pattern ('*' stops at '/'),
     * at most {@code maxFiles} of at most {@code maxBytes} together; that step must have kept its
     * files ({@link Step#keepingFiles}). Its copy of the working directory goes afterwards.
     */
    Outputs outputs(List<String> patterns, int maxFiles, long maxBytes);

    /** False once the sandbox was killed or died (e.g. its launcher missed a deadline): no step can run in it. */
    boolean usable();

    /** True when the sandbox was started ahead of time (warm pool). */
    boolean warm();

    /** Destroys the sandbox (off the caller's path). */
    @Override
    void close();
}
