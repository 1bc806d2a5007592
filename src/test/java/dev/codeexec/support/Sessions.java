package dev.codeexec.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A client of the sessions API, known to the service by its address (X-Forwarded-For, trusted from
 * loopback): each test client is another owner. It remembers the sessions it made and deletes
 * them when closed, so no container outlives a test class.
 */
public final class Sessions implements AutoCloseable {

    private final String address;
    private final List<String> made = new ArrayList<>();

    public Sessions(String address) {
        this.address = address;
    }

    public RequestSpecification as() {
        return given().header("X-Forwarded-For", address);
    }

    /** A new session; fails unless 201. Extra fields as name, value pairs. */
    public String create(String language, Object... extra) {
        Response r = createRaw(language, extra);
        if (r.statusCode() != 201) {
            throw new AssertionError("session not made: " + r.statusCode() + " " + r.asString());
        }
        return r.path("id");
    }

    public Response createRaw(String language, Object... extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("language", language);
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        Response r = as().contentType(ContentType.JSON).body(body).post("/sessions");
        if (r.statusCode() == 201) {
            made.add(r.path("id"));
        }
        return r;
    }

    public Response code(String id, String code, Object... extra) {
        return run(id, "code", code, extra);
    }

    public Response command(String id, String command, Object... extra) {
        return run(id, "command", command, extra);
    }

    private Response run(String id, String field, String text, Object... extra) {
        Map<String, Object> body = new HashMap<>();
        body.put(field, text);
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return as().contentType(ContentType.JSON).body(body).post("/sessions/" + id + "/run");
    }

    public Response delete(String id) {
        return as().delete("/sessions/" + id);
    }

    @Override
    public void close() {
        made.forEach(this::delete);
        made.clear();
    }
}
