package dev.codeexec.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codeexec.support.Api;
import dev.codeexec.support.LiveClient;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 200 live runs, four at a time, each left in one of the ways clients leave: waiting for the
 * result, closing politely mid-run, vanishing mid-run, vanishing before the run request, or
 * stopping the program with a signal. Afterwards no run is in flight, no live session is counted
 * and no container is left (NoLeftoverContainers), and every run that was waited for was answered.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class LiveChurnTest {

    private static final int SESSIONS = 200;

    @Test
    void twoHundredSessionsLeftAnyWayLeaveNothingBehind() throws Exception {
        Api.awaitReady();
        Random random = new Random(19);
        AtomicInteger answered = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            int way = random.nextInt(5);
            long pause = random.nextInt(300);
            sessions.add(clients.submit(() -> session(way, pause, answered)));
        }
        AssertionError failed = null;
        for (Future<?> s : sessions) {
            try {
                s.get(10, TimeUnit.MINUTES); // hang guard
            } catch (java.util.concurrent.ExecutionException e) {
                failed = failed != null ? failed : new AssertionError(e.getCause().getMessage(), e.getCause());
            }
        }
        clients.shutdown();
        if (failed != null) {
            throw failed;
        }
        Api.awaitMetrics("codeexec_runs_in_flight 0.0", "codeexec_live_sessions 0.0", "codeexec_runs_queued 0.0");
        assertTrue(answered.get() > 0);
    }

    private static void session(int way, long pause, AtomicInteger answered) {
        LiveClient live = LiveClient.open("/run/python/stream");
        try {
            if (way == 3) {
                Api.sleep(pause);
                live.abort();
                return;
            }
            live.send(Map.of("code", "import sys, time\nprint('up', flush=True)\nsys.stdin.read()\ntime.sleep(0.2)\nprint('end')",
                    "timeoutMs", 10_000));
            Api.sleep(pause);
            switch (way) {
                case 0 -> {
                    live.send(Map.of("type", "eof"));
                    JsonNode result = live.next("result");
                    assertEquals("up\nend\n", result.path("stdout").asText(), result.toString());
                    answered.incrementAndGet();
                }
                case 1 -> live.close();
                case 2 -> live.abort();
                default -> {
                    live.send(Map.of("type", "signal", "signal", "SIGKILL"));
                    JsonNode result = live.next("result");
                    assertTrue(result.path("status").asText().equals("RUNTIME_ERROR") || result.path("status").asText().equals("OK"),
                            result.toString());
                    answered.incrementAndGet();
                }
            }
        } finally {
            live.abort();
        }
    }
}
