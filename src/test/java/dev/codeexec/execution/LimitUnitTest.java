package dev.codeexec.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LimitUnitTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void timesBecomeWholeMillisecondsRoundedUpFromTheExactDecimal() {
        assertEquals(2007, LimitUnit.SECONDS.toCore(LimitUnit.exact(2.007)), "2.007 s is 2 007 ms, not ceil(2.007 * 1000) = 2 008");
        assertEquals(2500, LimitUnit.SECONDS.toCore(new BigDecimal("2.5")));
        assertEquals(1, LimitUnit.SECONDS.toCore(new BigDecimal("0.0001")));
        assertEquals(1501, LimitUnit.MILLISECONDS.toCore(new BigDecimal("1500.5")));
        assertEquals(3000, LimitUnit.MILLISECONDS.toCore(new BigDecimal("3000")));
    }

    @Test
    void sizesBecomeWholeMebibytesRoundedUp() {
        assertEquals(16, LimitUnit.BYTES.toCore(BigDecimal.valueOf(16 * MIB)));
        assertEquals(17, LimitUnit.BYTES.toCore(BigDecimal.valueOf(16 * MIB + 1)));
        assertEquals(16, LimitUnit.KILOBYTES.toCore(BigDecimal.valueOf(16384)));
        assertEquals(17, LimitUnit.KILOBYTES.toCore(new BigDecimal("16384.5")));
        assertEquals(64, LimitUnit.MEBIBYTES.toCore(BigDecimal.valueOf(64)));
    }

    @Test
    void boundsReadInEachUnitForComparisonsAndMessages() {
        assertEquals("10", LimitUnit.SECONDS.format(10_000));
        assertEquals("2.5", LimitUnit.SECONDS.format(2_500));
        assertEquals("10000", LimitUnit.MILLISECONDS.format(10_000), "plain digits, never 1E+4");
        assertEquals("524288", LimitUnit.KILOBYTES.format(512 * MIB));
        assertEquals("536870912", LimitUnit.BYTES.format(512 * MIB));
        assertEquals(0, new BigDecimal("0.5").compareTo(LimitUnit.MEBIBYTES.of(MIB / 2)));
    }

    @Test
    void onlyFiniteAmountsAreTaken() {
        assertThrows(IllegalArgumentException.class, () -> LimitUnit.exact(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> LimitUnit.exact(Double.POSITIVE_INFINITY));
        assertThrows(ArithmeticException.class, () -> LimitUnit.SECONDS.toCore(new BigDecimal("1e30")),
                "an amount beyond a long is refused, not wrapped");
    }
}
