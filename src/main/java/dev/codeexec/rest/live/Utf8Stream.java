package dev.codeexec.rest.live;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One output stream's bytes as text, chunk by chunk: a character split across chunks waits for its
 * last byte (so it is never sent as two replacement characters); bytes that are no UTF-8 become
 * U+FFFD, as in POST /run's answer.
 */
public final class Utf8Stream {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private byte[] pending = new byte[0];

    /** The text the bytes complete (may be empty while a character is still cut). */
    public synchronized String next(byte[] data) {
        byte[] all = pending.length == 0 ? data : concat(pending, data);
        ByteBuffer in = ByteBuffer.wrap(all);
        CharBuffer out = CharBuffer.allocate(all.length + 1);
        decoder.decode(in, out, false);
        pending = new byte[in.remaining()];
        in.get(pending);
        return out.flip().toString();
    }

    /** What is left at the end of the stream (a cut character becomes U+FFFD). */
    synchronized String end() {
        ByteBuffer in = ByteBuffer.wrap(pending);
        CharBuffer out = CharBuffer.allocate(pending.length + 2);
        decoder.decode(in, out, true);
        decoder.flush(out);
        decoder.reset();
        pending = new byte[0];
        return out.flip().toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
