package dev.codeexec.rest.e2b;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A Connect error raised before a stream starts (process.Process/Start) leaves as envd's error. */
public class ConnectErrors {

    @ServerExceptionMapper
    public Response connect(Connect.Error e) {
        return Connect.error(e);
    }
}
