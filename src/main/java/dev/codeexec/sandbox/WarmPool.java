package dev.codeexec.sandbox;

/** Keeps sandboxes started ahead of time, each used for exactly one request. */
public interface WarmPool {

    /** Sandboxes like {@code template} may be kept ready for its language, as demand says. */
    void keepWarm(SandboxSpec template);
}
