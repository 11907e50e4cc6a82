package ipclab.repl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void durationsPickTheUnitThatReadsWell() {
        assertEquals("0 ns", Units.nanos(0));
        assertEquals("850 ns", Units.nanos(850));
        assertEquals("1.00 us", Units.nanos(999.96));
        assertEquals("12.3 us", Units.nanos(12_345));
        assertEquals("1.25 ms", Units.nanos(1_250_000));
        assertEquals("2.10 s", Units.nanos(2_100_000_000L));
        assertEquals("612 s", Units.nanos(612e9));
        assertEquals("-", Units.nanos(Double.NaN));
        assertEquals("-", Units.nanos(-1));
        assertEquals("500 us", Units.millis(0.5));
    }

    @Test
    void bytesInBinaryUnits() {
        assertEquals("512 B", Units.bytes(512));
        assertEquals("4.00 KiB", Units.bytes(4096));
        assertEquals("64.0 KiB", Units.bytes(65536));
        assertEquals("1.50 MiB", Units.bytes(1.5 * 1024 * 1024));
        assertEquals("2.00 GiB", Units.bytes(2.0 * 1024 * 1024 * 1024));
    }

    @Test
    void ratesAndCounts() {
        assertEquals("950", Units.rate(950));
        assertEquals("1.00k", Units.rate(999.7));
        assertEquals("1.00 KiB", Units.bytes(1023.9));
        assertEquals("12.3k", Units.rate(12_345));
        assertEquals("1.20M", Units.rate(1_200_000));
        assertEquals("1,000,000", Units.count(1_000_000));
        assertEquals("0.500", Units.decimal(0.5));
        assertEquals("2.00", Units.decimal(2));
        assertEquals("341", Units.decimal(341.2));
    }
}
