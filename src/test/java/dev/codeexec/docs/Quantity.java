package dev.codeexec.docs;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A figure reduced to one unit per kind: times in ms, sizes in bytes, plain numbers as they are.
 * The docs' figures use ms, s, min, KiB/MiB/GiB (binary), KB/MB/GB (decimal), bytes; settings are read
 * with Quarkus' own converters (so {@code 128M} is 128 MiB, as the service reads it).
 */
record Quantity(Kind kind, BigDecimal value) {

    enum Kind { TIME_MS, BYTES, NUMBER }

    private static final Pattern FIGURE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)");
    private static final Map<String, Quantity> UNITS = Map.ofEntries(
            Map.entry("ms", new Quantity(Kind.TIME_MS, BigDecimal.ONE)),
            Map.entry("s", new Quantity(Kind.TIME_MS, BigDecimal.valueOf(1000))),
            Map.entry("min", new Quantity(Kind.TIME_MS, BigDecimal.valueOf(60_000))),
            Map.entry("B", new Quantity(Kind.BYTES, BigDecimal.ONE)),
            Map.entry("bytes", new Quantity(Kind.BYTES, BigDecimal.ONE)),
            Map.entry("KiB", new Quantity(Kind.BYTES, BigDecimal.valueOf(1L << 10))),
            Map.entry("MiB", new Quantity(Kind.BYTES, BigDecimal.valueOf(1L << 20))),
            Map.entry("GiB", new Quantity(Kind.BYTES, BigDecimal.valueOf(1L << 30))),
            Map.entry("KB", new Quantity(Kind.BYTES, BigDecimal.valueOf(1000))),
            Map.entry("MB", new Quantity(Kind.BYTES, BigDecimal.valueOf(1000_000))),
            Map.entry("GB", new Quantity(Kind.BYTES, BigDecimal.valueOf(1000_000_000))),
            Map.entry("", new Quantity(Kind.NUMBER, BigDecimal.ONE)));

    /** A figure as the docs write it ("3 s", "1.5 s", "64 KiB", "10000"); a bare number takes {@code unit}. */
    static Quantity stated(String text, String unit) {
        Matcher m = FIGURE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a figure: '" + text + "'");
        }
        return of(new BigDecimal(m.group(1)), m.group(2).isEmpty() ? unit : m.group(2));
    }

    static Quantity of(BigDecimal number, String unit) {
        Quantity scale = UNITS.get(unit);
        if (scale == null) {
            throw new IllegalArgumentException("unknown unit '" + unit + "'");
        }
        return new Quantity(scale.kind(), number.multiply(scale.value()));
    }

    /**
     * A setting's value read as the service reads its type (a key only application.properties sets
     * is read by its look); a bare number takes {@code unit}. Null when it is no figure (a word, a flag).
     */
    static Quantity setting(Class<?> type, String raw, String unit) {
        String value = raw.strip();
        if (type == Duration.class || type == null && value.matches("\\d+(ms|s|m|h|d)|P.*")) {
            return new Quantity(Kind.TIME_MS, BigDecimal.valueOf(DurationConverter.parseDuration(value).toMillis()));
        }
        if (type == MemorySize.class || type == null && value.matches("\\d+[KMGTkmgt]")) {
            return new Quantity(Kind.BYTES, BigDecimal.valueOf(new MemorySizeConverter().convert(value).asLongValue()));
        }
        if (value.matches("-?\\d+(\\.\\d+)?") && (type == null || Number.class.isAssignableFrom(box(type)))) {
            return of(new BigDecimal(value), unit);
        }
        return null;
    }

    /** Whether two spellings of a setting's value mean the same ("1m" and "60s"). */
    static boolean sameSetting(Class<?> type, String a, String b) {
        try {
            Quantity x = setting(type, a, "");
            Quantity y = setting(type, b, "");
            if (x != null && y != null) {
                return x.equals(y);
            }
        } catch (RuntimeException notAFigure) {
            // compared as text below
        }
        return a.strip().equals(b.strip());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Quantity q && q.kind == kind && q.value.compareTo(value) == 0;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + value.stripTrailingZeros().hashCode();
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return type == int.class ? Integer.class : type == long.class ? Long.class : type == double.class ? Double.class
                : type == boolean.class ? Boolean.class : Number.class;
    }
}
