package dev.codeexec.execution;

/** The request cannot be run as sent (the client's fault: 400). */
public class InvalidExecutionException extends RuntimeException {

    public InvalidExecutionException(String message) {
        super(message);
    }
}
