package dev.codeexec.session;

/** A client or this replica holds as many sessions as it may (429). */
public class SessionLimitException extends RuntimeException {
    public SessionLimitException(String message) {
        super(message);
    }
}
