package dev.codeexec.sandbox;

/** Keeps containers created and started ahead of time, each used for exactly one run. */
public interface WarmPool {

    /** Keeps containers like {@code template} (its code, args and input are ignored) ready for its language. */
    void keepWarm(SandboxSpec template);
}
