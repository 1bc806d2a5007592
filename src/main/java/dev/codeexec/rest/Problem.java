package dev.codeexec.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An error answer: RFC 9457 problem fields, plus {@code message} as the seed's clients expect. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String message) {

    static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, detail);
    }
}
