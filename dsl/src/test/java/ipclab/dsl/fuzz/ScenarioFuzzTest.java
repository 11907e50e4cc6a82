package ipclab.dsl.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.Limits;
import ipclab.dsl.ScenarioException;
import ipclab.dsl.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile scenario input through {@code ScenarioLoader}: every shipped scenario mutated (see
 * {@link Mutator}) and scenarios generated from the vocabulary ({@link ScenarioArbitraries}). Each
 * case loads or is refused with file:line:column diagnostics, never an exception, never a hang
 * ({@link FuzzCheck}). 1,300 cases in the normal suite (a few seconds); the {@code long} tag runs 130,000
 * ({@code ./ipclab test-long}). A failure names the file and the mutation seed; jqwik prints its own
 * seed too ({@code @Property(seed = "...")} replays the whole run).
 */
class ScenarioFuzzTest {
    private static final List<Path> SHIPPED = Corpus.shipped();

    @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
    void mutatedShippedScenariosLoadOrAreRefusedWithAPlace(@ForAll("mutants") Mutator.Mutant m) {
        Statistics.collect(FuzzCheck.load(m.bytes(), "fuzz.yaml", m) ? "loads" : "refused");
    }

    @Property(tries = 300)
    void generatedScenariosLoadOrAreRefusedWithAPlace(@ForAll("generated") String yaml) {
        Statistics.collect(
                FuzzCheck.load(yaml.getBytes(StandardCharsets.UTF_8), "gen.yaml", "generated:\n" + yaml)
                        ? "loads"
                        : "refused");
    }

    @Tag("long")
    @Property(tries = 100_000, shrinking = ShrinkingMode.OFF)
    void manyMoreMutants(@ForAll("mutants") Mutator.Mutant m) {
        Statistics.collect(FuzzCheck.load(m.bytes(), "fuzz.yaml", m) ? "loads" : "refused");
    }

    @Tag("long")
    @Property(tries = 30_000)
    void manyMoreGenerated(@ForAll("generated") String yaml) {
        Statistics.collect(
                FuzzCheck.load(yaml.getBytes(StandardCharsets.UTF_8), "gen.yaml", "generated:\n" + yaml)
                        ? "loads"
                        : "refused");
    }

    /** Found by this test: validation made every replica's name, 2^31 of them, before it refused the count. */
    @Example
    void replicasNearIntMaxAreRefusedNotExpanded() {
        String yaml = """
                name: many
                channels:
                  q: {type: msgq}
                processes:
                  w: {role: writer, channel: q, replicas: 2147483647}
                  v: {role: writer, channel: q, replicas: 2147483647}
                  r: {role: reader, channel: q}
                """;
        ScenarioException e = FuzzCheck.within("replicas", () -> {
            try {
                ScenarioLoader.fromYaml(yaml, "many.yaml", Limits.DEFAULT);
                return null;
            } catch (ScenarioException refused) {
                return refused;
            }
        });
        assertEquals(
                "many.yaml:4:1: processes: 4294967295 processes after replicas; at most 64 are allowed",
                e.getMessage());
    }

    /** Found by this test: a multi-line value echoed in a message split one diagnostic over several lines. */
    @Example
    void aValueWithLineBreaksStaysOnTheDiagnosticsLine() {
        String yaml =
                "name: x\nchannels:\n  q:\n    type: |-\n      msgq\n      shm\nprocesses:\n  w: {role: writer, channel: q}\n  r: {role: reader, channel: q}\n";
        ScenarioException e = assertThrows(
                ScenarioException.class, () -> ScenarioLoader.fromYaml(yaml, "multi.yaml", Limits.DEFAULT));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("'msgq\\nshm'"), e.getMessage());
    }

    /** Found by this test: the "use at least" size for an shm ring overflowed into a negative ByteSize and threw. */
    @Example
    void aHugeMessageOnAnShmRingIsRefusedNotThrown() {
        String yaml = """
                name: huge
                channels:
                  link: {type: shm, size: 270336, slots: 64}
                processes:
                  ping: {role: pinger, channel: link, size: 999999999999999KiB}
                  pong: {role: echo, channel: link}
                """;
        assertFalse(FuzzCheck.load(yaml.getBytes(StandardCharsets.UTF_8), "huge.yaml", "huge message"));
    }

    @Provide
    Arbitrary<Mutator.Mutant> mutants() {
        return Combinators.combine(Arbitraries.of(SHIPPED), Arbitraries.longs())
                .as((file, seed) ->
                        Mutator.mutate(Corpus.root().relativize(file).toString(), Corpus.read(file), seed));
    }

    @Provide
    Arbitrary<String> generated() {
        return ScenarioArbitraries.yaml();
    }
}
