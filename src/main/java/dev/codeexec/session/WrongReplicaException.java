package dev.codeexec.session;

/** The session lives on another replica of the service: the request must go there (421). */
public class WrongReplicaException extends RuntimeException {

    private final String replica;

    public WrongReplicaException(String id, String replica) {
        super("session " + id + " lives on replica " + replica + ", not on this one");
        this.replica = replica;
    }

    /** The replica the session lives on. */
    public String replica() {
        return replica;
    }
}
