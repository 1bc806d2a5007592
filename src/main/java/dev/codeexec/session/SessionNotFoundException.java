package dev.codeexec.session;

/** No such session for this client: never made, ended, or another client's (which is not told apart). */
public class SessionNotFoundException extends RuntimeException {
    public SessionNotFoundException(String id) {
        super("no session " + id);
    }
}
