package dev.codeexec.sandbox;

/**
 * The sandbox refused what it was given (a file it would not write, a step it would not start):
 * the request's fault or one request's trouble, never the engine's. {@code subject} names it (a
 * file's path, or "step").
 */
public class SandboxRefusedException extends RuntimeException {

    private final String subject;

    public SandboxRefusedException(String subject, String reason) {
        super(reason);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
