package dev.codeexec.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codeexec.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsAndDashboardTest {

    private static final File DASHBOARD = new File("helm/code-exec/dashboards/code-exec-dashboard.json");

    private static String metricsAfterAMixedWorkload() {
        Api.awaitReady();
        Api.run("python", "print(1)").then().statusCode(200);
        Api.run("ruby", "exit 2").then().statusCode(200);
        Api.run("javascript", "while(true){}", "timeoutMs", 300).then().statusCode(200);
        Api.run("cobol", "x").then().statusCode(400);
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void everyServiceMetricIsExportedWithBoundedTags() {
        String metrics = metricsAfterAMixedWorkload();
        for (String expected : List.of(
                "codeexec_executions_total{api=\"run\",language=\"python\",status=\"OK\"}",
                "codeexec_executions_total{api=\"run\",language=\"ruby\",status=\"RUNTIME_ERROR\"}",
                "codeexec_executions_total{api=\"run\",language=\"javascript\",status=\"TIMEOUT\"}",
                "codeexec_execution_duration_seconds_bucket{language=\"python\",le=\"0.01\"}",
                "codeexec_execution_duration_seconds_bucket{language=\"python\",le=\"30.0\"}",
                "codeexec_container_phase_seconds_count{phase=\"create\"}",
                "codeexec_container_phase_seconds_count{phase=\"start\"}",
                "codeexec_container_phase_seconds_count{phase=\"attach\"}",
                "codeexec_container_phase_seconds_count{phase=\"remove\"}",
                "codeexec_runs_in_flight ",
                "codeexec_runs_queued ",
                "codeexec_runs_capacity{kind=\"slots\"}",
                "codeexec_requests_rejected_total{reason=\"saturated\"}",
                "codeexec_requests_rejected_total{reason=\"rate_limited\"}",
                "codeexec_requests_rejected_total{reason=\"engine_down\"}",
                "codeexec_containers_reaped_total",
                "codeexec_runtime_ready{language=\"python\"} 1.0",
                "codeexec_docker_errors_total{kind=\"connect\"}",
                "http_server_requests_seconds_count")) {
            assertTrue(metrics.contains(expected), "missing " + expected);
        }
        assertFalse(metrics.contains("cobol"), "user input must never become a tag");
    }

    @Test
    void dashboardParsesAndQueriesOnlyMetricsThatExist() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD);
        assertTrue(dashboard.get("panels").size() >= 6);
        String metrics = metricsAfterAMixedWorkload();
        Set<String> queried = new TreeSet<>();
        Pattern name = Pattern.compile("\\b((?:codeexec|http_server)_[a-z_]+)");
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher m = name.matcher(target.get("expr").asText());
                while (m.find()) {
                    queried.add(m.group(1));
                }
            }
        }
        assertTrue(queried.size() >= 8, "queried: " + queried);
        List<String> missing = new ArrayList<>();
        for (String metric : queried) {
            if (!Pattern.compile("(?m)^" + metric + "[{ ]").matcher(metrics).find()) {
                missing.add(metric);
            }
        }
        assertTrue(missing.isEmpty(), "the dashboard queries metrics that do not exist: " + missing);
    }

    @Test
    void eachRunLogsOneStructuredLineWithoutItsCodeOrOutput() {
        Api.awaitReady();
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.format(record.getMessage(), record.getParameters() == null ? new Object[0] : record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("dev.codeexec.run");
        logger.addHandler(capture);
        try {
            Api.run("python", "print('SECRET-OUTPUT')  # SECRET-CODE", "input", "SECRET-INPUT").then().statusCode(200);
            Api.sleep(200);
        } finally {
            logger.removeHandler(capture);
        }
        String line = lines.stream().filter(l -> l.startsWith("run id=")).findFirst().orElse("none: " + lines);
        assertTrue(line.matches("run id=[0-9a-f]+ language=python status=OK exit=0 container=(warm|cold) compile_ms=0 wall_ms=\\d+ queue_ms=\\d+ total_ms=\\d+"), line);
        assertFalse(String.join("\n", lines).contains("SECRET"), "code, input or output was logged");
    }
}
