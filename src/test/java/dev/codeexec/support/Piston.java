package dev.codeexec.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for tests of Piston's API (/api/v2). */
public final class Piston {

    private Piston() {
    }

    /** POSTs a JSON body (a string, or anything RestAssured serialises) to /api/v2/execute. */
    public static Response execute(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v2/execute");
    }

    /** A job of one unnamed file with the given version range, plus extra fields as name/value pairs. */
    public static Map<String, Object> job(String language, String version, String code, Object... extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("language", language);
        body.put("version", version);
        body.put("files", List.of(Map.of("content", code)));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    /** The sum of codeexec_executions_total over every language and status of the Piston API. */
    public static double pistonExecutions() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("codeexec_executions_total{api=\"piston\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
