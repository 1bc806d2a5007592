package dev.codeexec.sandbox.docker;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * An image build that keeps the last lines its steps printed, so that a failed build says why: the
 * engine's own error only names the command that failed. Lines the project's scripts mark with
 * {@code code-exec:} (e.g. an unknown package) are the reason; otherwise the last few lines are.
 */
final class TailedBuild extends BuildImageResultCallback {

    private static final int KEPT = 20;
    private static final int SHOWN = 3;
    private static final String MARK = "code-exec:";

    private final Deque<String> lines = new ArrayDeque<>();

    @Override
    public void onNext(BuildResponseItem item) {
        if (item.getStream() != null) {
            synchronized (lines) {
                item.getStream().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
                    lines.addLast(l);
                    if (lines.size() > KEPT) {
                        lines.removeFirst();
                    }
                });
            }
        }
        super.onNext(item);
    }

    @Override
    public String awaitImageId(long timeout, TimeUnit unit) {
        try {
            return super.awaitImageId(timeout, unit);
        } catch (DockerClientException e) {
            throw new DockerClientException(e.getMessage() + " (" + reason() + ")", e);
        }
    }

    private String reason() {
        synchronized (lines) {
            var marked = lines.stream().filter(l -> l.startsWith(MARK)).toList();
            if (!marked.isEmpty()) {
                return String.join("; ", marked);
            }
            return String.join("; ", lines.stream().skip(Math.max(0, lines.size() - SHOWN)).toList());
        }
    }
}
