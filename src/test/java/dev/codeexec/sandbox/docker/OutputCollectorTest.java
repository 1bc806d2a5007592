package dev.codeexec.sandbox.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutputCollectorTest {

    private static Frame frame(StreamType type, String text) {
        return new Frame(type, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static OutputCollector armed(long cap, Runnable onLimit) {
        OutputCollector c = new OutputCollector();
        c.arm(cap, onLimit, "n0nce");
        return c;
    }

    @Test
    void keepsStreamsApartAndTogetherInArrivalOrder() {
        OutputCollector c = armed(100, () -> { });
        c.onNext(frame(StreamType.STDOUT, "a"));
        c.onNext(frame(StreamType.STDERR, "b"));
        c.onNext(frame(StreamType.STDOUT, "c"));
        assertArrayEquals("ac".getBytes(), c.output().stdout());
        assertArrayEquals("b".getBytes(), c.output().stderr());
        assertArrayEquals("abc".getBytes(), c.output().combined());
        assertFalse(c.limited());
    }

    @Test
    void capCountsBothStreamsAndFiresOnceBeyondTheMarkerRoom() {
        AtomicInteger kills = new AtomicInteger();
        OutputCollector c = armed(5, kills::incrementAndGet);
        c.onNext(frame(StreamType.STDOUT, "abc"));
        c.onNext(frame(StreamType.STDERR, "de"));
        assertFalse(c.limited(), "exactly at the cap is not over it");
        c.onNext(frame(StreamType.STDERR, "f"));
        assertTrue(c.limited());
        assertEquals(0, kills.get(), "the kill waits until the marker room is used up too");
        c.onNext(frame(StreamType.STDOUT, "x".repeat(OutputCollector.MARKER_ROOM)));
        c.onNext(frame(StreamType.STDOUT, "more"));
        assertEquals(1, kills.get());
        assertArrayEquals("abcde".getBytes(), c.output().combined());
        assertArrayEquals("abc".getBytes(), c.output().stdout());
        assertArrayEquals("de".getBytes(), c.output().stderr());
    }

    @Test
    void completesOnTheMarkerOfBothStreamsAndStripsIt() {
        OutputCollector c = armed(100, () -> { });
        c.onNext(frame(StreamType.STDOUT, "out\0code-exec-"));
        c.onNext(frame(StreamType.STDERR, "err"));
        c.onNext(frame(StreamType.STDOUT, "exit n0nce 3 0\n"));
        assertFalse(c.completion().isDone(), "stderr may still carry output");
        c.onNext(frame(StreamType.STDERR, "\0code-exec-exit n0nce 3 0\n"));
        assertEquals(new LauncherExit(3, 0), c.completion().join());
        assertArrayEquals("out".getBytes(), c.output().stdout());
        assertArrayEquals("err".getBytes(), c.output().stderr());
        assertArrayEquals("outerr".getBytes(), c.output().combined());
        assertFalse(c.limited());
    }

    @Test
    void aMarkerWithoutTheNonceIsJustOutput() {
        OutputCollector c = armed(1000, () -> { });
        for (String forged : List.of("\0code-exec-exit guess 0 0\n", "\0code-exec-exit n0nce0 0 0\n", "code-exec-exit n0nce 0 0\n",
                "\0code-exec-exit n0nce 0\n")) {
            c.onNext(frame(StreamType.STDOUT, forged));
            c.onNext(frame(StreamType.STDERR, forged));
        }
        assertFalse(c.completion().isDone());
    }
}
