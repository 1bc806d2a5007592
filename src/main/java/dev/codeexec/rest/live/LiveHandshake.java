package dev.codeexec.rest.live;

import dev.codeexec.metrics.Metrics;
import dev.codeexec.metrics.Metrics.Rejection;
import dev.codeexec.rest.ClientLimits;
import dev.codeexec.rest.SameSite;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * Every WebSocket handshake of the service (each starts a live run): refused with 403 when it comes
 * from another site's page (browsers send Origin on a handshake and no preflight protects it), with
 * 401 without a valid key where keys are required. The client's name is kept on the connection for
 * its limits, which are checked when its run request comes.
 */
@Singleton
public class LiveHandshake implements HttpUpgradeCheck {

    /** The client a connection belongs to (see {@link ClientLimits#client}). */
    public static final UserData.TypedKey<String> CLIENT = UserData.TypedKey.forString("code-exec.client");
    /** Marks the upgrade request done for graceful shutdown: run when the connection closes. */
    public static final UserData.TypedKey<Runnable> CLOSED = new UserData.TypedKey<>("code-exec.upgrade-done");

    private final SameSite sameSite;
    private final ClientLimits limits;
    private final Metrics metrics;

    public LiveHandshake(SameSite sameSite, ClientLimits limits, Metrics metrics) {
        this.sameSite = sameSite;
        this.limits = limits;
        this.metrics = metrics;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest http = context.httpRequest();
        if (sameSite.crossSite(http.getHeader("Origin"), http.getHeader("Sec-Fetch-Site"))) {
            return CheckResult.rejectUpgrade(403);
        }
        if (!limits.authorized(http::getHeader)) {
            metrics.rejected(Rejection.UNAUTHORIZED);
            return CheckResult.rejectUpgrade(401, Map.of("WWW-Authenticate", List.of("Bearer")));
        }
        context.userData().put(CLIENT, limits.client(http::getHeader, http));
        context.userData().put(CLOSED, UpgradedRequest.doneWhenClosed(http));
        return CheckResult.permitUpgrade();
    }
}
