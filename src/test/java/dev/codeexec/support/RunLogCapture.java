package dev.codeexec.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Captures the service's per-run log lines (category dev.codeexec.run) while open. */
public final class RunLogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("dev.codeexec.run");

    public RunLogCapture() {
        logger.addHandler(this);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The container kind of the last run line ("warm", "cold"; "none: " and the lines before any run), after its line had a moment to arrive. */
    public String lastContainer() {
        Api.sleep(100);
        String line = lines().stream().filter(l -> l.startsWith("run ")).reduce((a, b) -> b).orElse("");
        Matcher m = Pattern.compile("container=(\\w+)").matcher(line);
        return m.find() ? m.group(1) : "none: " + lines();
    }

    @Override
    public void publish(LogRecord record) {
        Object[] params = record.getParameters();
        lines.add(params == null ? record.getMessage() : String.format(record.getMessage(), params));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
