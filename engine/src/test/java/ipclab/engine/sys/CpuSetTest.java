package ipclab.engine.sys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuSetTest {

    @Test
    void parsesTheKernelsListFormat() {
        assertArrayEquals(new int[] {0, 1, 4}, CpuSet.parse("0-1,4").cpus());
        assertArrayEquals(new int[] {3}, CpuSet.parse("3").cpus());
        assertArrayEquals(
                new int[] {0, 1, 2, 3, 6, 7}, CpuSet.parse("0-3,6-7\n").cpus());
        assertArrayEquals(new int[] {5}, CpuSet.parse("5-5").cpus());
        assertArrayEquals(new int[] {0, 1, 2}, CpuSet.parse("0-2,1").cpus(), "overlaps are a union");
        assertArrayEquals(new int[] {1, 2, 3}, CpuSet.parse("3,1-2").cpus(), "any order");
        assertArrayEquals(
                new int[] {CpuSet.LIMIT - 1},
                CpuSet.parse(Integer.toString(CpuSet.LIMIT - 1)).cpus());
    }

    @Test
    void anEmptyListIsTheEmptySet() {
        // /sys/devices/system/cpu/offline is a bare newline when every CPU is online
        assertTrue(CpuSet.parse("").isEmpty());
        assertTrue(CpuSet.parse("\n").isEmpty());
        assertTrue(CpuSet.parse("  ").isEmpty());
        assertEquals("", CpuSet.parse("\n").toString());
        assertEquals(0, CpuSet.parse("").length());
    }

    @Test
    void formatsRangesCanonically() {
        assertEquals("0-1,4", CpuSet.of(4, 0, 1).toString());
        assertEquals("0-3,6-7", CpuSet.parse("7,6,0-3").toString());
        assertEquals("5", CpuSet.of(5).toString());
        assertEquals("0,2,4", CpuSet.of(0, 2, 4).toString());
        for (String s : new String[] {"0", "0-1", "0-1,4", "1,3-5,9-10,64-127,1000"}) {
            assertEquals(s, CpuSet.parse(s).toString(), "round trip of " + s);
        }
        assertEquals(CpuSet.parse("0-2"), CpuSet.of(2, 1, 0));
        assertEquals(CpuSet.parse("0-2").hashCode(), CpuSet.of(0, 1, 2).hashCode());
    }

    @Test
    void badListsNameTheColumn() {
        assertEquals("cpu list '0-x': column 3: expected a CPU number, found 'x'", message("0-x"));
        assertEquals("cpu list '3-1': column 3: range 3-1 goes downwards", message("3-1"));
        assertEquals("cpu list '0,': column 3: expected a CPU number after ','", message("0,"));
        assertEquals("cpu list ',1': column 1: expected a CPU number, found ','", message(",1"));
        assertEquals("cpu list '0-': column 3: expected a CPU number, found the end", message("0-"));
        assertEquals("cpu list '-1': column 1: expected a CPU number, found '-'", message("-1"));
        assertEquals("cpu list '0 1': column 2: expected ',' or '-', found ' '", message("0 1"));
        assertEquals("cpu list '0-7:2': column 4: expected ',' or '-', found ':'", message("0-7:2"));
        assertEquals("cpu list '1,,2': column 3: expected a CPU number, found ','", message("1,,2"));
        assertEquals("cpu list '99999999999': column 1: CPU number too large (at most 65535)", message("99999999999"));
        assertEquals(
                "cpu list '  0-1,x': column 7: expected a CPU number, found 'x'",
                message("  0-1,x\n"),
                "columns count leading blanks");
    }

    @Test
    void setOperations() {
        CpuSet online = CpuSet.parse("0-3");
        assertTrue(CpuSet.of(1, 3).isSubsetOf(online));
        assertFalse(CpuSet.of(1, 4).isSubsetOf(online));
        assertEquals("4,9", CpuSet.of(1, 4, 9).minus(online).toString());
        assertTrue(online.contains(0));
        assertFalse(online.contains(4));
        assertFalse(online.contains(-1));
        assertEquals(4, online.size());
        assertEquals(4, online.length());
        assertThrows(IllegalArgumentException.class, () -> CpuSet.of(-1));
        assertThrows(IllegalArgumentException.class, () -> CpuSet.of(CpuSet.LIMIT));
    }

    @Test
    void readsTheOnlineCpus() {
        CpuSet online = CpuSet.online();
        assertFalse(online.isEmpty(), "the kernel runs on at least one CPU");
        assertTrue(online.contains(0), "CPU 0 cannot be taken offline on x86: " + online);
        assertTrue(
                Runtime.getRuntime().availableProcessors() <= online.size(),
                "the JVM sees at most the online CPUs: " + online);
    }

    @Test
    void aBadFileIsNamed(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("online"), "0-1,4\n");
        assertEquals("0-1,4", CpuSet.read(f).toString());
        Files.writeString(f, "0-a\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuSet.read(f));
        assertEquals(f + ": cpu list '0-a': column 3: expected a CPU number, found 'a'", e.getMessage());
        UncheckedIOException missing = assertThrows(UncheckedIOException.class, () -> CpuSet.read(dir.resolve("nope")));
        assertTrue(
                missing.getMessage().startsWith("cannot read the CPU list in " + dir.resolve("nope")),
                missing.getMessage());
    }

    private static String message(String list) {
        return assertThrows(IllegalArgumentException.class, () -> CpuSet.parse(list), list)
                .getMessage();
    }
}
