package dev.codeexec.sandbox.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutputCollectorTest {

    private static Frame frame(StreamType type, String text) {
        return new Frame(type, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsStreamsApartAndTogetherInArrivalOrder() {
        OutputCollector c = new OutputCollector(100, () -> { });
        c.onNext(frame(StreamType.STDOUT, "a"));
        c.onNext(frame(StreamType.STDERR, "b"));
        c.onNext(frame(StreamType.STDOUT, "c"));
        assertArrayEquals("ac".getBytes(), c.output().stdout());
        assertArrayEquals("b".getBytes(), c.output().stderr());
        assertArrayEquals("abc".getBytes(), c.output().combined());
        assertFalse(c.limited());
    }

    @Test
    void capCountsBothStreamsAndFiresOnce() {
        AtomicInteger kills = new AtomicInteger();
        OutputCollector c = new OutputCollector(5, kills::incrementAndGet);
        c.onNext(frame(StreamType.STDOUT, "abc"));
        c.onNext(frame(StreamType.STDERR, "de"));
        assertFalse(c.limited(), "exactly at the cap is not over it");
        c.onNext(frame(StreamType.STDERR, "f"));
        c.onNext(frame(StreamType.STDOUT, "ghi"));
        assertTrue(c.limited());
        assertEquals(1, kills.get());
        assertArrayEquals("abcde".getBytes(), c.output().combined());
    }

    @Test
    void keepsThePartOfAFrameThatFits() {
        OutputCollector c = new OutputCollector(4, () -> { });
        c.onNext(frame(StreamType.STDOUT, "123456"));
        assertArrayEquals("1234".getBytes(), c.output().stdout());
        assertTrue(c.limited());
    }
}
