package dev.codeexec.sandbox.docker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A container waiting in a pool (a warm one in {@link LanguagePool}, a throughput worker in
 * {@link KindPool}), and the one rule both pools retire idle containers by: dead, or older than the
 * pool's maximum age.
 */
interface IdleContainer {

    PreparedContainer container();

    /** When (nanoTime) the container was made. */
    long since();

    /**
     * Removes from {@code idle} and returns the containers that died or are older than {@code maxAge}
     * (nanoseconds); one a request took meanwhile stays with that request.
     */
    static <T extends IdleContainer> List<T> takeStale(Collection<T> idle, long now, long maxAge) {
        List<T> stale = new ArrayList<>();
        for (T c : List.copyOf(idle)) {
            boolean old = !c.container().alive() || now - c.since() > maxAge;
            if (old && idle.remove(c)) {
                stale.add(c);
            }
        }
        return stale;
    }
}
