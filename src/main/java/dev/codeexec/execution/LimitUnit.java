package dev.codeexec.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The units the APIs take limits in (the own API: ms and MiB; Piston: ms and bytes; Judge0: seconds
 * and KB) and the one translation into the core's: whole milliseconds for times, whole MiB for sizes,
 * rounded up so that a limit never ends below what was asked. Amounts are exact decimals: 2.007 seconds
 * is 2 007 ms, not the 2 008 that {@code Math.ceil(2.007 * 1000)} gives.
 */
public enum LimitUnit {
    MILLISECONDS(1, true),
    SECONDS(1000, true),
    BYTES(1, false),
    KILOBYTES(1024, false),
    MEBIBYTES(1024 * 1024, false);

    private static final BigDecimal MIB = BigDecimal.valueOf(1024 * 1024);

    /** One of this unit in ms (times) or bytes (sizes). */
    private final BigDecimal base;
    private final boolean time;

    LimitUnit(long base, boolean time) {
        this.base = BigDecimal.valueOf(base);
        this.time = time;
    }

    /** A finite amount as the client wrote it, exactly ({@code 0.1} is one tenth, not the nearest double). */
    public static BigDecimal exact(double amount) {
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("not a finite number: " + amount);
        }
        return BigDecimal.valueOf(amount);
    }

    /** An amount in this unit as the core's whole unit: ms for times, MiB for sizes, rounded up. */
    public long toCore(BigDecimal amount) {
        BigDecimal inBase = amount.multiply(base);
        return (time ? inBase : inBase.divide(MIB)).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /**
     * A bound held in ms (times) or bytes (sizes), in this unit: to compare with what a client sent and
     * to name in its API's messages. Exact: 1 000 and powers of two divide into finite decimals.
     */
    public BigDecimal of(long inBase) {
        return BigDecimal.valueOf(inBase).divide(base).stripTrailingZeros();
    }

    /** {@link #of} as plain text ({@code 10}, {@code 2.5}, never {@code 1E+1}). */
    public String format(long inBase) {
        return of(inBase).toPlainString();
    }
}
