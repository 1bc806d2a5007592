package dev.codeexec.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many runs each client has in flight, capped per client. A client's entry exists only while
 * it has runs in flight, so the map never holds more entries than there are open requests.
 */
final class InFlightLimit {

    private final int cap;
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    InFlightLimit(int cap) {
        this.cap = cap;
    }

    int cap() {
        return cap;
    }

    /** Counts one more run for the client; false (and nothing counted) when it is at the cap. */
    boolean tryAcquire(String client) {
        boolean[] acquired = new boolean[1];
        counts.compute(client, (key, count) -> {
            int current = count == null ? 0 : count;
            acquired[0] = current < cap;
            return acquired[0] ? current + 1 : count;
        });
        return acquired[0];
    }

    /** One run of the client is over. */
    void release(String client) {
        counts.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
    }
}
