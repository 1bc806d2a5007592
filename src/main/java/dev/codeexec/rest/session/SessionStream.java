package dev.codeexec.rest.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codeexec.rest.RunResponse;
import dev.codeexec.rest.live.LiveChannel;
import dev.codeexec.rest.live.LiveHandshake;
import dev.codeexec.rest.live.LiveRuns;
import dev.codeexec.rest.live.Utf8Stream;
import dev.codeexec.sandbox.LiveRun;
import dev.codeexec.sandbox.RunControl;
import dev.codeexec.sandbox.Step;
import dev.codeexec.sandbox.StepResult;
import dev.codeexec.session.Cell;
import dev.codeexec.session.Session;
import dev.codeexec.session.SessionRuns;
import dev.codeexec.session.Sessions;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A session's live run: {@code GET /sessions/{id}/stream} (WebSocket), the protocol of
 * {@code /run/{language}/stream} (docs/live.md) with a session's run request as the first message
 * ({@code command} or {@code code}, {@code input}, {@code timeoutMs}, {@code context}). Output comes
 * as {@code stdout} / {@code stderr} messages while it runs, then one {@code result} (the answer of
 * POST /sessions/{id}/run) and a close; a command or program takes {@code stdin}, {@code eof} and
 * {@code signal} meanwhile. Closing the connection stops a command or program; a cell runs to its end
 * or its time limit.
 */
@WebSocket(path = "/sessions/{id}/stream")
public class SessionStream {

    private static final UserData.TypedKey<Run> RUN = new UserData.TypedKey<>("code-exec.session-run");
    private static final long FIRST_MESSAGE_MS = 10_000;
    /** The most stdin a command or program of the stream takes in all. */
    private static final long INPUT_CAP = 1L << 20;

    private final LiveRuns runs;
    private final Sessions sessions;
    private final SessionRuns sessionRuns;

    public SessionStream(LiveRuns runs, Sessions sessions, SessionRuns sessionRuns) {
        this.runs = runs;
        this.sessions = sessions;
        this.sessionRuns = sessionRuns;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        runs.vertx().setTimer(FIRST_MESSAGE_MS, t -> {
            if (connection.userData().get(RUN) == null && connection.isOpen()) {
                new LiveChannel(connection, runs).refuse(4408, "No run request within " + FIRST_MESSAGE_MS / 1000
                        + " s of connecting");
            }
        });
    }

    @OnTextMessage
    void message(WebSocketConnection connection, String text) {
        LiveChannel channel = new LiveChannel(connection, runs);
        try {
            JsonNode message = runs.json().readTree(text);
            Run run = connection.userData().get(RUN);
            if (run == null) {
                start(connection, channel, runs.json().treeToValue(message, SessionRunRequest.class));
            } else {
                channel.control(message, run, INPUT_CAP);
            }
        } catch (Exception e) {
            channel.refuse(4000 + runs.answer(e).getStatus(), runs.answerOf(e));
        }
    }

    @OnClose
    void close(WebSocketConnection connection) {
        Run run = connection.userData().get(RUN);
        if (run != null) {
            run.control.cancel();
        }
        Runnable done = connection.userData().get(LiveHandshake.CLOSED);
        if (done != null) {
            done.run();
        }
    }

    private void start(WebSocketConnection connection, LiveChannel channel, SessionRunRequest request) {
        String client = connection.userData().get(LiveHandshake.CLIENT);
        Session session = sessions.find(client, connection.pathParam("id"));
        if (request == null || (request.code() == null) == (request.command() == null)) {
            channel.refuse(4400, "The first message must be a session run request: exactly one of code and command");
            return;
        }
        boolean cell = request.code() != null && sessionRuns.hasRepl(session);
        if (cell && request.input() != null) {
            channel.refuse(4400, "A REPL cell takes no input");
            return;
        }
        String refusal = runs.admit(client);
        if (refusal != null) {
            channel.refuse(4429, refusal);
            return;
        }
        Run run = new Run(channel);
        connection.userData().put(RUN, run);
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                channel.stage("run");
                SessionRunResponse answer;
                if (cell) {
                    Cell done = sessionRuns.cell(session, request.context(), request.code(), request.timeoutMs(),
                            (stderr, out) -> run.send(stderr, out));
                    long timeoutMs = request.timeoutMs() != null ? request.timeoutMs() : session.limits().timeout().toMillis();
                    answer = SessionRunResponse.of(session.runtime().language().id(), session.runtime().version(), done,
                            timeoutMs);
                } else if (request.command() != null) {
                    answer = SessionRunResponse.of(RunResponse.of(sessionRuns.command(session, request.command(),
                            request.input(), request.timeoutMs(), run.control)));
                } else {
                    answer = SessionRunResponse.of(RunResponse.of(sessionRuns.program(session, request.code(),
                            request.input(), request.timeoutMs(), run.control)));
                }
                ObjectNode result = channel.message("result");
                result.setAll((ObjectNode) runs.json().valueToTree(answer));
                channel.sendAndClose(result, 1000, "done");
            } catch (RuntimeException e) {
                if (!run.control.cancelled()) {
                    channel.refuse(4000 + runs.answer(e).getStatus(), runs.answerOf(e));
                }
            } finally {
                run.control.finished(); // a close of the connection from now on reaches nothing
                runs.release(client);
            }
        });
    }

    /** One run of the connection: its live run (a command's or program's stdin and signals) and its output. */
    private static final class Run implements LiveRun.Watcher, LiveChannel.Controls {
        private final LiveChannel channel;
        private final LiveRun live;
        private final RunControl control;
        private final Utf8Stream stdout = new Utf8Stream();
        private final Utf8Stream stderr = new Utf8Stream();

        Run(LiveChannel channel) {
            this.channel = channel;
            this.live = new LiveRun(this, INPUT_CAP);
            this.control = new RunControl(live);
        }

        void send(boolean isStderr, String text) {
            channel.send(channel.message(isStderr ? "stderr" : "stdout").put("stage", "run").put("data", text));
        }

        @Override
        public boolean stdin(String data) {
            return live.stdin(data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void endOfInput() {
            live.endOfInput();
        }

        @Override
        public void signal(int number) {
            live.signal(number);
        }

        @Override
        public void started(Step.Kind stage) {
        }

        @Override
        public void output(Step.Kind stage, boolean isStderr, byte[] data) {
            String text = (isStderr ? stderr : stdout).next(data);
            if (!text.isEmpty()) {
                send(isStderr, text);
            }
        }

        @Override
        public void ended(Step.Kind stage, StepResult result) {
        }
    }
}
