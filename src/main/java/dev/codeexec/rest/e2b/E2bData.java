package dev.codeexec.rest.e2b;

import dev.codeexec.session.Session;
import dev.codeexec.session.Sessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Who a data-plane call is for: the session named by E2b-Sandbox-Id, reached by anyone who shows
 * its access token (E2B's data plane carries no API key): X-Access-Token on envd calls and
 * /execute, E2B-Traffic-Access-Token on /contexts.
 */
@ApplicationScoped
class E2bData {

    static final String SANDBOX_HEADER = "E2b-Sandbox-Id";

    private final Sessions sessions;

    E2bData(Sessions sessions) {
        this.sessions = sessions;
    }

    Session session(HttpHeaders headers) {
        String id = headers.getHeaderString(SANDBOX_HEADER);
        if (id == null || id.isBlank()) {
            throw new Connect.Error("not_found", "no E2b-Sandbox-Id header: a data-plane call names its sandbox");
        }
        Session session;
        try {
            session = sessions.find(id);
        } catch (dev.codeexec.session.SessionNotFoundException e) {
            throw new Connect.Error("not_found", "sandbox " + id + " not found");
        }
        E2bState state = E2bSandboxes.state(session);
        String token = headers.getHeaderString("X-Access-Token");
        if (!state.admits(token) && !state.admits(headers.getHeaderString("E2B-Traffic-Access-Token"))) {
            // Another client's sandbox and one that does not exist must look the same.
            throw new Connect.Error("not_found", "sandbox " + id + " not found");
        }
        return session;
    }
}
