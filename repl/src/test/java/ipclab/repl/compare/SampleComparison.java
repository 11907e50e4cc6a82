package ipclab.repl.compare;

import ipclab.dsl.expect.ClaimSyntaxException;
import ipclab.dsl.verdict.ComparativeClaim;
import ipclab.dsl.verdict.Evaluator;
import ipclab.dsl.verdict.Figure;
import ipclab.dsl.verdict.Measurements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A made-up but plausible comparison for the report tests: four systems over sizes from 64 B to
 * 1 MiB, three repeats each, message queues impossible above msgmax, one deliberately noisy
 * figure, and claims of every verdict. The figures are invented; no test here measures anything.
 */
final class SampleComparison {
    static final long[] SIZES = {64, 256, 1024, 4096, 8192, 16384, 65536, 262144, 1048576};
    static final List<String> CLAIMS = List.of(
            "shm-sem beats msgq in throughput from 16KiB up",
            "shm-sem beats msgq in throughput",
            "msgq.syscallsPerMessage == 2",
            "shm-spin.syscallsPerMessage == 0",
            "msgq beats shm-sem in latency up to 4KiB",
            "shm-sem setup pays for itself after 10000 messages against msgq",
            "unix beats msgq in throughput at 1KiB");

    private SampleComparison() {}

    static Comparison build() {
        Measurements.Builder b = Measurements.builder();
        for (long size : SIZES) {
            double kib = size / 1024.0;
            // Throughput in MiB/s: queues cheap per call but copying twice; shm costs a fixed
            // semaphore round per message and copies once.
            spread(b, "shm-sem", size, Figure.THROUGHPUT, 40 * Math.pow(kib, 0.85) + 5);
            if (size <= 8192) spread(b, "msgq", size, Figure.THROUGHPUT, 50 * Math.pow(kib, 0.4));
            else b.unavailable("msgq", size, Figure.THROUGHPUT, "not possible on this machine (msgmax = 8192)");
            spread(b, "shm-spin", size, Figure.THROUGHPUT, 90 * Math.pow(kib, 0.8) + 20);
            if (size == 1024)
                b.add("unix", size, Figure.THROUGHPUT, 40, 75, 52); // run under an artificial CPU load: noisy
            else spread(b, "unix", size, Figure.THROUGHPUT, 30 * Math.pow(kib, 0.7));
            spread(b, "shm-sem", size, Figure.LATENCY, 9000 + 300 * kib);
            if (size <= 8192) spread(b, "msgq", size, Figure.LATENCY, 6000 + 900 * kib);
            else b.unavailable("msgq", size, Figure.LATENCY, "not possible on this machine (msgmax = 8192)");
            spread(b, "shm-spin", size, Figure.LATENCY, 900 + 250 * kib);
            spread(b, "unix", size, Figure.LATENCY, 11000 + 500 * kib);
        }
        b.add("msgq", 64, Figure.SYSCALLS_PER_MESSAGE, 2.0, 2.0, 2.01);
        b.add("shm-sem", 64, Figure.SYSCALLS_PER_MESSAGE, 4.0, 4.0, 4.0);
        b.add("shm-spin", 64, Figure.SYSCALLS_PER_MESSAGE, 0, 0, 0);
        b.add("shm-sem", 64, Figure.SETUP, 310_000, 325_000, 330_000)
                .add("shm-sem", 64, Figure.PER_MESSAGE, 900, 950, 980);
        b.add("msgq", 64, Figure.SETUP, 21_000, 22_000, 22_500).add("msgq", 64, Figure.PER_MESSAGE, 4100, 4200, 4300);
        Measurements m = b.build();
        List<ComparativeClaim> claims = new ArrayList<>();
        for (String text : CLAIMS) {
            try {
                claims.add(ComparativeClaim.parse(text));
            } catch (ClaimSyntaxException e) {
                throw new AssertionError(text + ": " + e.getMessage(), e);
            }
        }
        return new Comparison("sample (invented figures)", 3, m, Evaluator.evaluate(claims, m), conditions());
    }

    static Conditions conditions() {
        return new Conditions(
                "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz",
                2,
                "none (processes may run on CPUs 0-1)",
                "6.18.44-fc-v769",
                "25.0.3+9-LTS (Eclipse Adoptium)",
                List.of(0.52, 0.61, 0.70),
                List.of(1.93, 1.02, 0.81),
                "0.1.0-SNAPSHOT",
                limits());
    }

    private static Map<String, String> limits() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("msgmax", "8192");
        l.put("msgmnb", "16384");
        l.put("shmmax", "18446744073692774399");
        l.put("shmall", "18446744073692774399");
        l.put("sem", "32000 1024000000 500 32000");
        return l;
    }

    /** Three repeats within ±4% of {@code v}: not noisy. */
    private static void spread(Measurements.Builder b, String system, long size, Figure f, double v) {
        b.add(system, size, f, v * 0.97, v, v * 1.04);
    }
}
