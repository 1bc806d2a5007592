package dev.codeexec.rest.live;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.vertx.core.http.HttpServerRequest;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.jboss.logging.Logger;

/**
 * Quarkus 3.33's graceful shutdown counts every HTTP request until its response ends or its
 * connection closes, and an upgraded WebSocket request does neither in its eyes: after one live
 * run, every shutdown waited the whole grace period (30 s). This marks the upgrade request done
 * when its WebSocket closes, so a shutdown waits for open live runs, and only for them.
 * ({@code QuarkusRequestWrapper.done()} is package-private; the handle is looked up once.)
 */
@RegisterForReflection(targets = QuarkusRequestWrapper.class, methods = true)
final class UpgradedRequest {

    private static final Logger LOG = Logger.getLogger(UpgradedRequest.class);
    private static final MethodHandle DONE = lookup();

    private UpgradedRequest() {
    }

    /** What to run when the WebSocket of this upgrade request closes (does nothing if it cannot). */
    static Runnable doneWhenClosed(HttpServerRequest upgrade) {
        QuarkusRequestWrapper wrapper = QuarkusRequestWrapper.get(upgrade);
        if (wrapper == null || DONE == null) {
            return () -> {
            };
        }
        return () -> {
            try {
                DONE.invoke(wrapper);
            } catch (Throwable e) {
                LOG.debugf("could not mark an upgrade request done: %s", e);
            }
        };
    }

    private static MethodHandle lookup() {
        try {
            return MethodHandles.privateLookupIn(QuarkusRequestWrapper.class, MethodHandles.lookup())
                    .findVirtual(QuarkusRequestWrapper.class, "done", MethodType.methodType(void.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("graceful shutdown will wait for closed WebSocket connections too: %s", e);
            return null;
        }
    }
}
