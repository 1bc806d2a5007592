package dev.codeexec.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Whatever paths and methods clients send, {@code http_server_requests} keeps a bounded set of
 * series: unmatched and refused requests are labelled with fixed words, never with the text the
 * client sent. With API keys on, so refusals come as 401 (no key), 403 (cross-site) and 404.
 */
@QuarkusTest
@TestProfile(ApiKeyTest.WithKeys.class)
class HttpMetricsCardinalityTest {

    private static final Pattern SERIES = Pattern.compile("(?m)^http_server_requests_seconds_count\\{(.*)} ");

    private static Set<String> series() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> found = new TreeSet<>();
        Matcher m = SERIES.matcher(metrics);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void randomPathsAndRefusalsAddNoSeriesWithClientText() {
        given().get("/q/health/live").then().statusCode(200);
        Random random = new Random(17);
        List<String> sent = new ArrayList<>();
        // one of each kind first, so the count after the burst can be compared with a warmed-up one
        burst(random, 1, new ArrayList<>());
        int before = series().size();
        burst(random, 60, sent);
        Set<String> after = series();
        String all = String.join("\n", after).toLowerCase(Locale.ROOT);
        List<String> leaked = sent.stream().filter(all::contains).toList();
        assertEquals(List.of(), leaked.subList(0, Math.min(5, leaked.size())),
                leaked.size() + " words of client text became labels, of " + after.size() + " series");
        assertTrue(after.size() <= before + 2, "series grew from " + before + " to " + after.size() + ": " + after);
        assertTrue(after.size() <= 40, "too many series: " + after);
    }

    /** Six kinds of request per round, each with a word of random text in its path. */
    private static void burst(Random random, int rounds, List<String> sent) {
        for (int i = 0; i < rounds; i++) {
            String word = word(random);
            sent.add(word);
            // unmatched: 404
            given().get("/" + word + "/" + i).then().statusCode(404);
            given().get("/submissions/" + word + "/x").then().statusCode(404);
            // refused before routing: cross-site 403, on the API and elsewhere
            given().contentType(ContentType.JSON).header("Origin", "https://" + word + ".example").body("{}")
                    .post("/run/" + word).then().statusCode(403);
            given().contentType(ContentType.JSON).header("Sec-Fetch-Site", "cross-site").body("{}")
                    .post("/" + word).then().statusCode(403);
            // refused for want of a key: 401
            given().contentType(ContentType.JSON).body("{}").post("/run/" + word).then().statusCode(401);
            // a method nobody knows
            String method = word.toUpperCase(Locale.ROOT);
            given().request(method, "/run/python").then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        }
    }

    private static String word(Random random) {
        StringBuilder b = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }
}
