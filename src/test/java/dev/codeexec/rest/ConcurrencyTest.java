package dev.codeexec.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codeexec.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(dev.codeexec.support.NoLeftoverContainers.class)
class ConcurrencyTest {

    @Test
    void sixteenConcurrentRequestsAreAllAnsweredCorrectly() throws Exception {
        Api.awaitReady();
        String[] languages = {"python", "javascript", "ruby"};
        String[] programs = {"import sys; print(int(sys.stdin.read()) * 2)",
            "let d='';process.stdin.on('data',c=>d+=c).on('end',()=>console.log(Number(d)*2))",
            "puts STDIN.read.to_i * 2"};
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                answers.add(pool.submit(() -> Api.run(languages[n % 3], programs[n % 3], "input", String.valueOf(n))));
            }
            for (int i = 0; i < 16; i++) {
                Response r = answers.get(i).get();
                assertEquals(200, r.statusCode(), r.asString());
                assertEquals("OK", r.jsonPath().getString("status"), r.asString());
                assertEquals((i * 2) + "\n", r.jsonPath().getString("stdout"), "answer of request " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
