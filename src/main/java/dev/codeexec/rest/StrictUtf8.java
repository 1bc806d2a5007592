package dev.codeexec.rest;

import com.fasterxml.jackson.core.JsonParseException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies read as text (JSON, text/plain, untyped) must be well-formed UTF-8 (RFC 3629): Jackson's byte parser decodes overlong
 * forms (C0 AF as '/') and encoded surrogates instead of rejecting them, so a body could smuggle
 * characters past any check made on its bytes. The JDK's decoder rejects both; a body it rejects
 * is a 400 like any other malformed JSON. Bodies are bounded by the HTTP tier (8 MiB).
 */
@Provider
public class StrictUtf8 implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        jakarta.ws.rs.core.MediaType type = context.getMediaType();
        boolean text = type == null || type.isWildcardType() || type.getType().equals("text")
                || type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
        if (!text) {
            return context.proceed(); // bytes of another type (a session's file, an image) are not read as text
        }
        byte[] body = context.getInputStream().readAllBytes();
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new JsonParseException(null, "Invalid UTF-8 in the body");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
