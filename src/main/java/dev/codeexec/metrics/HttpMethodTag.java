package dev.codeexec.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * Keeps the method tag of http.server.requests bounded: HTTP allows any token as a method, so a
 * method outside the standard ones is tagged "OTHER" rather than with what the client sent. (The uri
 * tag is bounded by quarkus.micrometer.binder.http-server.suppress4xx-errors.)
 */
public class HttpMethodTag {

    private static final Set<String> KNOWN = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS",
            "TRACE", "CONNECT");

    @Produces
    @Singleton
    MeterFilter boundedHttpMethods() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String method = id.getTag("method");
                if (!id.getName().startsWith("http.server") || method == null || KNOWN.contains(method)) {
                    return id;
                }
                return id.replaceTags(id.getTags().stream()
                        .map(t -> t.getKey().equals("method") ? Tag.of("method", "OTHER") : t)
                        .toList());
            }
        };
    }

}
