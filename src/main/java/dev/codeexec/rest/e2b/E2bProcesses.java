package dev.codeexec.rest.e2b;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codeexec.execution.Signals;
import dev.codeexec.sandbox.LiveRun;
import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.Step;
import dev.codeexec.sandbox.StepResult;
import dev.codeexec.session.Session;
import dev.codeexec.session.SessionRuns;
import io.smallrye.mutiny.Multi;
import org.jboss.resteasy.reactive.RestMulti;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.buffer.Buffer;
import jakarta.annotation.PreDestroy;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * envd's process service over Connect: Start streams a process's start, output and end as it runs
 * (a live step of the session, on a launcher of its own, so a background process and other calls
 * run side by side); SendSignal, SendInput and CloseStdin reach it by pid; List names the running
 * ones. A process whose stream the client closes is stopped.
 */
@Path("/process.Process")
public class E2bProcesses {

    /** The most stdin one process takes in all. */
    private static final long INPUT_CAP = 8L << 20;

    private final E2bData data;
    private final SessionRuns runs;
    private final E2bErrors errors;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "e2b-process");
        t.setDaemon(true);
        return t;
    });

    public E2bProcesses(E2bData data, SessionRuns runs, E2bErrors errors) {
        this.data = data;
        this.runs = runs;
        this.errors = errors;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    @POST
    @Path("Start")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_OCTET_STREAM) // raw envelopes: a +json type would be written as a JSON array
    public RestMulti<Buffer> start(byte[] body, @Context HttpHeaders headers) {
        Session session = data.session(headers);
        E2bState state = E2bSandboxes.state(session);
        JsonNode request = Connect.message(body, headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
        JsonNode process = request.path("process");
        List<String> argv = new ArrayList<>();
        argv.add(process.path("cmd").asText());
        process.path("args").forEach(a -> argv.add(a.asText()));
        if (argv.get(0).isEmpty()) {
            throw new Connect.Error("invalid_argument", "process.cmd is required");
        }
        Map<String, String> envs = new HashMap<>(state.envs);
        envs.put("HOME", "/sandbox");
        process.path("envs").fields().forEachRemaining(e -> envs.put(e.getKey(), e.getValue().asText()));
        String cwd = process.hasNonNull("cwd") ? E2bPaths.inSession(process.path("cwd").asText()) : "";
        boolean stdin = request.path("stdin").asBoolean(false);
        String tag = request.path("tag").asText(null);
        long timeoutMs = parse(headers.getHeaderString("Connect-Timeout-Ms"));
        Duration timeout = timeoutMs > 0 ? Duration.ofMillis(timeoutMs) : Duration.between(java.time.Instant.now(),
                session.end());
        int pid = state.nextPid();
        Multi<Buffer> events = Multi.createFrom().emitter(out -> {
            LiveRun live = new LiveRun(new Output(out), INPUT_CAP);
            RunControl control = new RunControl(live);
            state.processes.put(pid, new E2bState.Process(pid, argv, envs, cwd, tag, live, control));
            out.emit(Connect.envelope(0, event("start", Connect.JSON.createObjectNode().put("pid", pid))));
            if (!stdin) {
                live.endOfInput();
            }
            out.onTermination(control::cancel); // the client left: so does its process (no-op once it ended)
            workers.execute(() -> {
                try {
                    StepResult result = runs.process(session, argv, envs, cwd, timeout, control);
                    control.finished();
                    out.emit(Connect.envelope(0, event("end", end(result))));
                    out.emit(Connect.end(null));
                } catch (RuntimeException e) {
                    out.emit(Connect.end(errors.connect(e)));
                } finally {
                    state.processes.remove(pid);
                    out.complete();
                }
            });
        });
        return RestMulti.fromMultiData(events).header(HttpHeaders.CONTENT_TYPE, Connect.STREAM_TYPE).build();
    }

    @POST
    @Path("{method}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response unary(@PathParam("method") String method, byte[] body, @Context HttpHeaders headers) {
        return errors.envd(() -> {
            E2bState state = E2bSandboxes.state(data.session(headers));
            JsonNode request = Connect.message(body, headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
            ObjectNode answer = Connect.JSON.createObjectNode();
            switch (method) {
                case "SendSignal" -> find(state, request).live().signal(signal(request.path("signal")));
                case "SendInput" -> {
                    byte[] input = Base64.getDecoder().decode(request.path("input").path("stdin").asText(""));
                    if (!find(state, request).live().stdin(input)) {
                        throw new Connect.Error("failed_precondition", "stdin is closed or past " + INPUT_CAP + " bytes");
                    }
                }
                case "CloseStdin" -> find(state, request).live().endOfInput();
                case "List" -> {
                    ArrayNode list = answer.putArray("processes");
                    for (E2bState.Process p : state.processes.values()) {
                        ObjectNode info = list.addObject().put("pid", p.pid());
                        if (p.tag() != null) {
                            info.put("tag", p.tag());
                        }
                        ObjectNode config = info.putObject("config").put("cmd", p.argv().get(0))
                                .put("cwd", E2bPaths.outside(p.cwd()));
                        ArrayNode args = config.putArray("args");
                        p.argv().stream().skip(1).forEach(args::add);
                        config.set("envs", Connect.JSON.valueToTree(p.envs()));
                    }
                }
                default -> throw new Connect.Error("unimplemented", "process." + method + " is not offered");
            }
            return Connect.unary(answer);
        });
    }

    /** The process a selector names: {"process": {"pid": N}} or {"process": {"tag": "..."}}. */
    private static E2bState.Process find(E2bState state, JsonNode request) {
        JsonNode selector = request.path("process");
        E2bState.Process found = null;
        if (selector.has("pid")) {
            found = state.processes.get(selector.path("pid").asInt());
        } else if (selector.has("tag")) {
            String tag = selector.path("tag").asText();
            found = state.processes.values().stream().filter(p -> tag.equals(p.tag())).findFirst().orElse(null);
        }
        if (found == null) {
            throw new Connect.Error("not_found", "no such process: " + selector);
        }
        return found;
    }

    /** envd's Signal enum, by name (SIGNAL_SIGKILL) or number. */
    private static int signal(JsonNode signal) {
        if (signal.isNumber()) {
            return signal.asInt();
        }
        String name = signal.asText().replace("SIGNAL_", "");
        int number = Signals.number(name);
        if (number == 0) {
            throw new Connect.Error("invalid_argument", "unknown signal " + signal.asText());
        }
        return number;
    }

    private static ObjectNode event(String kind, ObjectNode value) {
        ObjectNode event = Connect.JSON.createObjectNode();
        event.putObject("event").set(kind, value);
        return event;
    }

    /** envd's end event: the exit code, or -1 and the signal that ended it. */
    private static ObjectNode end(StepResult r) {
        ObjectNode end = Connect.JSON.createObjectNode();
        if (r.signal() != 0) {
            String name = Signals.name(r.signal());
            end.put("exitCode", -1).put("exited", false).put("status", "signal: " + (name == null ? r.signal()
                    : name.equals("SIGKILL") ? "killed" : name));
        } else {
            end.put("exitCode", r.exitCode()).put("exited", true).put("status", "exit status " + r.exitCode());
        }
        if (r.end() == StepResult.End.TIMEOUT) {
            end.put("error", "the process ran out of time");
        } else if (r.end() == StepResult.End.OUTPUT_LIMIT) {
            end.put("error", "the process wrote more output than a command may");
        } else if (r.oomKilled()) {
            end.put("error", "out of memory");
        }
        return end;
    }

    private static long parse(String header) {
        try {
            return header == null ? 0 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Each piece of output as a data event, as it comes. */
    private record Output(MultiEmitter<? super Buffer> out) implements LiveRun.Watcher {
        @Override
        public void started(Step.Kind stage) {
        }

        @Override
        public void output(Step.Kind stage, boolean stderr, byte[] bytes) {
            out.emit(Connect.envelope(0, event("data", Connect.JSON.createObjectNode()
                    .put(stderr ? "stderr" : "stdout", Base64.getEncoder().encodeToString(bytes)))));
        }

        @Override
        public void ended(Step.Kind stage, StepResult result) {
        }
    }
}
