package ipclab.repl.cli;

import ipclab.dsl.fuzz.FuzzCheck;
import ipclab.dsl.fuzz.Mutator.Mutant;
import ipclab.engine.trace.Trace;
import ipclab.engine.trace.TraceException;
import ipclab.engine.trace.TraceFile;
import ipclab.repl.FuzzDirs;
import ipclab.repl.Ipclab;
import ipclab.repl.app.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile trace files: real traces, recorded here (a stepped race, a stepped queue with two writers
 * and two readers, a stepped spinning ring, a free run), mutated by {@link TraceMutator}. Each case
 * is read in-process by {@link TraceFile#read}, which returns a trace or refuses it with one line
 * naming the file, and then goes through {@code ipclab trace show} and (when refused)
 * {@code ipclab replay} in-process: exit 0, or 2 with one line on stderr, never an exception's text,
 * never a hang. A mutant that is still a valid trace is not replayed here (it would start
 * processes); {@link HostileCliTest} replays a few through the real command line. 600 cases in the
 * suite; 20,000 under the {@code long} tag. A failure names the trace and the seed.
 */
class TraceFuzzTest {
    private static final Map<String, String> RECORDED = new LinkedHashMap<>();
    private static FuzzDirs dirs;
    private static Path dir;

    @BeforeContainer
    static void record() throws Exception {
        dirs = new FuzzDirs();
        dir = dirs.work();
        Map<String, String> scenarios =
                Map.of("race", ScheduleCliTest.RACE, "msgq", ScheduleCliTest.MSGQ, "ring", ScheduleCliTest.RING);
        for (String name : List.of("race", "msgq", "ring", "free")) {
            Path file = dir.resolve(name + ".yaml");
            Files.writeString(file, scenarios.getOrDefault(name, ScheduleCliTest.MSGQ));
            Path trace = dir.resolve(name + ".trace.jsonl");
            List<String> args = new ArrayList<>(List.of("run", file.toString(), "--record", trace.toString()));
            if (!name.equals("free")) args.addAll(List.of("--schedule", "random", "--seed", "7"));
            Ipclab r = Ipclab.run(args.toArray(String[]::new));
            if (!Files.exists(trace)) throw new AssertionError("recording " + name + " failed:\n" + r);
            RECORDED.put(name, Files.readString(trace));
        }
    }

    @AfterContainer
    static void forget() throws Exception {
        dirs.close();
    }

    @Property(tries = 600, shrinking = ShrinkingMode.OFF)
    void mutatedTracesAreReadOrRefusedInOneLine(@ForAll("mutants") Mutant m) throws Exception {
        check(m);
    }

    @Tag("long")
    @Property(tries = 20_000, shrinking = ShrinkingMode.OFF)
    void manyMoreMutatedTraces(@ForAll("mutants") Mutant m) throws Exception {
        check(m);
    }

    @Provide
    Arbitrary<Mutant> mutants() {
        return Combinators.combine(Arbitraries.of(List.copyOf(RECORDED.keySet())), Arbitraries.longs())
                .as((name, seed) -> TraceMutator.mutate(name + " trace", RECORDED.get(name), seed));
    }

    private static void check(Mutant m) throws Exception {
        Path file = Files.createTempFile(dir, "mutant", ".trace.jsonl");
        try {
            Files.write(file, m.bytes());
            Trace read = FuzzCheck.within(m, () -> {
                try {
                    return TraceFile.read(file, Version.ipclab());
                } catch (TraceException e) {
                    oneLine(e.getMessage(), m);
                    if (!e.getMessage().contains(file.toString()))
                        throw new AssertionError(m + ": the message does not name the file: " + e.getMessage());
                    return null;
                }
            });
            Statistics.collect(read == null ? "refused" : read.stepped() ? "read (stepped)" : "read (free)");

            Ipclab show = FuzzCheck.within(m, () -> Ipclab.run("trace", "show", file.toString()));
            if (read != null && read.stepped()) {
                if (show.code() != 0) throw new AssertionError(m + ": a trace that reads is not shown\n" + show);
                FuzzCheck.noExceptionText(show.out() + show.err(), m);
            } else {
                refusedInOneLine(show, "show", m);
            }
            if (read == null) {
                Ipclab replay = FuzzCheck.within(m, () -> Ipclab.run("replay", file.toString()));
                refusedInOneLine(replay, "replay", m);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Exit 2, nothing on stdout, one line on stderr that says what is wrong in words. */
    static void refusedInOneLine(Ipclab r, String command, Object what) {
        String w = what + "\n" + r;
        if (r.code() != 2 || !r.out().isEmpty()) throw new AssertionError(w + ": not refused with exit 2");
        if (!r.err().startsWith("ipclab " + command + ": ")) throw new AssertionError(w + ": not its one line");
        oneLine(r.err().stripTrailing(), w);
    }

    private static void oneLine(String message, Object what) {
        if (message.isBlank() || message.contains("\n") || message.contains("\r"))
            throw new AssertionError(what + ": not one line: " + message);
        FuzzCheck.noExceptionText(message, what);
    }
}
