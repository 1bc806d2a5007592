package dev.codeexec.rest;

import static dev.codeexec.support.Piston.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import dev.codeexec.support.NoLeftoverContainers;
import dev.codeexec.support.Piston;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Piston's jobs take the same run slots as /run: one slot and a queue of one leave no room for a third. */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
@TestProfile(SaturationTest.OneSlot.class)
class PistonSaturationTest {

    @Test
    void aFullBulkheadAnswers503WithRetryAfter() throws Exception {
        Api.awaitReady();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            answers.add(pool.submit(() -> Api.run("python", "import time; time.sleep(1.5); print('done')")));
            for (int i = 0; i < 3; i++) {
                Api.sleep(100);
                answers.add(pool.submit(() -> Piston.execute(job("python", "*", "import time; time.sleep(1.5); print('done')"))));
            }
            int ok = 0;
            int refused = 0;
            for (Future<Response> f : answers) {
                Response r = f.get();
                if (r.statusCode() == 200) {
                    ok++;
                } else {
                    assertEquals(503, r.statusCode(), r.asString());
                    assertEquals("1", r.header("Retry-After"));
                    assertTrue(r.jsonPath().getString("message").contains("Too many runs"), r.asString());
                    refused++;
                }
            }
            assertEquals(2, ok, "one running plus one queued");
            assertEquals(2, refused);
        } finally {
            pool.shutdownNow();
        }
    }
}
