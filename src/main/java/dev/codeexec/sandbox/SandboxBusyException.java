package dev.codeexec.sandbox;

/** A kept sandbox already runs as many things at once as it may. */
public class SandboxBusyException extends RuntimeException {
    public SandboxBusyException(String message) {
        super(message);
    }
}
