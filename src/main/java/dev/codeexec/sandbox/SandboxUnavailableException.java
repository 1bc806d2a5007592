package dev.codeexec.sandbox;

/** The container engine failed or could not be reached: an infrastructure fault, never the program's. */
public class SandboxUnavailableException extends RuntimeException {

    public SandboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
