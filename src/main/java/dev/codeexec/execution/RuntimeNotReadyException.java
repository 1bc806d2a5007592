package dev.codeexec.execution;

/** The language exists but its image is not provisioned (yet): 503, try again later. */
public class RuntimeNotReadyException extends RuntimeException {

    public RuntimeNotReadyException(String language) {
        super("The " + language + " runtime is not ready yet");
    }
}
