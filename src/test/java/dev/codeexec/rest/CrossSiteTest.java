package dev.codeexec.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import dev.codeexec.support.LiveClient;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A web page on another site must not be able to make a visitor's browser run programs here. The
 * requests use an unknown language: one that passes the check is answered 400 by validation,
 * nothing runs either way.
 */
@QuarkusTest
@TestProfile(CrossSiteTest.OnePlayground.class)
class CrossSiteTest {

    public static class OnePlayground implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("code-exec.http.allowed-origins", "https://playground.example");
        }
    }

    private static RequestSpecification json() {
        return given().contentType(ContentType.JSON).body("{\"code\": \"x\"}");
    }

    @Test
    void anotherSitesOriginIs403Json() {
        json().header("Origin", "https://evil.example").post("/run/cobol").then()
                .statusCode(403).contentType(ContentType.JSON).body("status", equalTo(403))
                .body("message", startsWith("Cross-site requests are refused"));
        // the preflight-free kinds a page can send: text/plain, a form
        given().contentType(ContentType.TEXT).header("Origin", "https://evil.example").body("{\"code\": \"x\"}")
                .post("/run/python").then().statusCode(403);
        given().header("Origin", "null").contentType(ContentType.URLENC).formParam("code", "x")
                .post("/run/python").then().statusCode(403);
    }

    @Test
    void secFetchSiteCrossSiteIs403() {
        json().header("Sec-Fetch-Site", "cross-site").post("/run/cobol").then().statusCode(403);
        json().header("Sec-Fetch-Site", "same-origin").post("/run/cobol").then().statusCode(400);
    }

    @Test
    void sameOriginAllowedOriginsAndNonBrowsersPass() {
        json().header("Origin", "http://localhost:" + RestAssured.port).post("/run/cobol").then().statusCode(400);
        json().header("Origin", "https://playground.example").header("Sec-Fetch-Site", "cross-site")
                .post("/run/cobol").then().statusCode(400);
        json().post("/run/cobol").then().statusCode(400);
        given().header("Origin", "https://evil.example").get("/runtimes").then().statusCode(200);
    }

    /**
     * DNS rebinding: a page on evil.example whose name now resolves to this service sends its own
     * name as Host and Origin, and its browser calls that same-origin. Without public origins
     * configured only loopback origins are the service's own.
     */
    @Test
    void aRebindingPageIs403WhateverHostItSends() {
        json().header("Host", "evil.example").header("Origin", "http://evil.example").post("/run/cobol").then()
                .statusCode(403);
        json().header("Host", "evil.example:" + RestAssured.port).header("Origin", "http://evil.example:" + RestAssured.port)
                .header("Sec-Fetch-Site", "same-origin").post("/run/cobol").then().statusCode(403);
        json().header("Host", "localhost.evil.example").header("Origin", "http://localhost.evil.example")
                .post("/run/cobol").then().statusCode(403);
        json().header("Origin", "http://127.0.0.1:" + RestAssured.port).post("/run/cobol").then().statusCode(400);
        json().header("Origin", "http://[::1]:8080").post("/run/cobol").then().statusCode(400);
        json().header("Origin", "http://localhost").post("/run/cobol").then().statusCode(400);
    }

    /**
     * A WebSocket handshake carries the page's Origin and no preflight protects it: a page on
     * another site must not open a live run (ours or Piston's) in its visitor's browser.
     */
    @Test
    void aCrossSiteWebSocketHandshakeIs403() {
        for (String path : new String[] {"/run/python/stream", "/api/v2/connect"}) {
            assertEquals(403, LiveClient.refusedHandshake(path, Map.of("Origin", "https://evil.example")));
            assertEquals(403, LiveClient.refusedHandshake(path, Map.of("Origin", "http://evil.example:" + RestAssured.port)));
            // accepted: each then hears what its empty request deserves (a 400, or Piston's missing init)
            for (Map<String, String> headers : java.util.List.of(Map.of("Origin", "http://localhost:" + RestAssured.port),
                    Map.of("Origin", "https://playground.example"), Map.<String, String>of())) {
                try (LiveClient accepted = LiveClient.open(path, headers)) {
                    if (path.startsWith("/run")) {
                        accepted.send("{}");
                        assertEquals(4400, accepted.closeCode(), headers.toString());
                    } else {
                        assertEquals(4001, accepted.closeCode(), headers.toString());
                    }
                }
            }
        }
    }
}
