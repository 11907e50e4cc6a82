package ipclab.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepOutcome;
import ipclab.engine.protocol.StepResult;
import ipclab.engine.run.RunReport;
import ipclab.engine.run.StepEvent;
import ipclab.engine.schedule.SchedulerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace file: a round trip keeps everything; another version, an edit, a cut, a foreign file are refused in one line. */
class TraceFileTest {
    @TempDir
    Path dir;

    static Trace sample() {
        StepOutcome load = new StepOutcome(
                StepOp.LOAD,
                "counter",
                StepResult.OK,
                0,
                StepOutcome.NONE,
                StepOutcome.NONE,
                StepOutcome.NONE,
                StepOutcome.NONE,
                StepOutcome.NONE);
        RunReport report = new RunReport(
                "race3",
                1,
                true,
                12,
                new RunReport.Host("6.1", 2, "25"),
                List.of(),
                List.of(),
                Map.of("counter", new RunReport.Counter(1, 1, 0)),
                List.of(),
                List.of(new RunReport.ExpectationResult("counter.lostUpdates == 0", true, "0")),
                List.of(),
                Map.of(),
                List.of(),
                List.of(),
                List.of());
        return new Trace(
                "0.1.0",
                "2026-11-24T22:00:00Z",
                Trace.Scenario.of("race3", "race3.yaml", "name: race3\n"),
                1,
                new Trace.Host("6.1", 2, "25", Map.of("msgmax", 8192L)),
                SchedulerSpec.random(7),
                List.of(new StepEvent(1, "adder-1", load)),
                List.of(report));
    }

    @Test
    void aRoundTripKeepsEverything() throws Exception {
        Path f = dir.resolve("t.trace.jsonl");
        TraceFile.write(sample(), f);
        Trace back = TraceFile.read(f, "0.1.0");
        assertEquals(sample(), back);
        assertTrue(Files.readString(f).startsWith("{\"type\":\"trace\",\"format\":\"ipclab-trace\",\"version\":1,"));
    }

    @Test
    void anEditedTraceIsRefusedAsTampered() throws Exception {
        Path f = dir.resolve("t.trace.jsonl");
        TraceFile.write(sample(), f);
        Files.writeString(f, Files.readString(f).replace("\"value\":0", "\"value\":1"));
        TraceException e = assertThrows(TraceException.class, () -> TraceFile.read(f, "0.1.0"));
        assertEquals(TraceException.Kind.TAMPERED, e.kind());
        assertEquals(
                f + " was changed after it was recorded: its content does not match the hash on its end line (sha256); "
                        + "record the run again",
                e.getMessage());
    }

    @Test
    void aCutTraceAnotherVersionAndAForeignFileAreRefused() throws Exception {
        Path f = dir.resolve("t.trace.jsonl");
        TraceFile.write(sample(), f);
        String text = Files.readString(f);

        Files.writeString(f, text.substring(0, text.lastIndexOf("{\"type\":\"end\"")));
        assertEquals(
                TraceException.Kind.TRUNCATED,
                assertThrows(TraceException.class, () -> TraceFile.read(f, "0.1.0"))
                        .kind());

        Files.writeString(f, text);
        TraceException v = assertThrows(TraceException.class, () -> TraceFile.read(f, "0.2.0"));
        assertEquals(TraceException.Kind.VERSION, v.kind());
        assertTrue(v.getMessage().contains("recorded by ipclab 0.1.0; this is ipclab 0.2.0"), v.getMessage());

        Files.writeString(f, "name: race\n");
        assertEquals(
                TraceException.Kind.NOT_A_TRACE,
                assertThrows(TraceException.class, () -> TraceFile.read(f, null))
                        .kind());
        assertEquals(
                TraceException.Kind.UNREADABLE,
                assertThrows(TraceException.class, () -> TraceFile.read(dir.resolve("none"), null))
                        .kind());
    }

    /** A trace edited and its hashes made to match again, as a forger (or a buggy tool) would. */
    private Path resealed(java.util.function.UnaryOperator<String> edit) throws Exception {
        Path f = dir.resolve("forged.trace.jsonl");
        TraceFile.write(sample(), f);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(f));
        String end = lines.removeLast();
        String body = edit.apply(String.join("\n", lines) + "\n");
        String hash = end.replaceAll(".*\"sha256\":\"([0-9a-f]+)\".*", "$1");
        Files.writeString(f, body + end.replace(hash, Trace.sha256(body)) + "\n");
        return f;
    }

    /** Found by TraceFuzzTest: a step without its op, behind a matching hash, was refused with a NullPointerException's text. */
    @Test
    void aForgedTraceIsRefusedByLineAndFieldNotByAnException() throws Exception {
        Path f = resealed(t -> t.replace("\"op\":\"load\",", ""));
        TraceException e = assertThrows(TraceException.class, () -> TraceFile.read(f, null));
        assertEquals(TraceException.Kind.NOT_A_TRACE, e.kind());
        assertEquals(f + " is not a valid ipclab trace: line 2: 'op' must be a string, not missing", e.getMessage());

        Path g = resealed(t -> t.replaceFirst("\"scheduler\":\\{[^}]*}", "\"scheduler\":null"));
        assertEquals(
                g + " is not a valid ipclab trace: line 1: 'scheduler' must be an object, not null",
                assertThrows(TraceException.class, () -> TraceFile.read(g, null))
                        .getMessage());

        Path h = resealed(t -> t.replace("\"step\":1,", "\"step\":7,"));
        assertEquals(
                h
                        + " is not a valid ipclab trace: line 2: step 7 where step 1 belongs (steps are numbered from 1, in order)",
                assertThrows(TraceException.class, () -> TraceFile.read(h, null))
                        .getMessage());

        Path v = resealed(t -> t.replace("\"version\":1,", "\"version\":\"1\","));
        assertEquals(
                TraceException.Kind.VERSION,
                assertThrows(TraceException.class, () -> TraceFile.read(v, null))
                        .kind());
    }

    /** Every line a trace has names a type the shipped schema describes, and every step field is one it lists. */
    @Test
    void theShippedSchemaDescribesEveryLine() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode schema;
        try (var in = TraceFile.class.getResourceAsStream("/ipclab/trace.schema.json")) {
            schema = json.readTree(in);
        }
        var defs = schema.get("$defs");
        Path f = dir.resolve("t.trace.jsonl");
        TraceFile.write(sample(), f);
        for (String line : Files.readAllLines(f)) {
            var n = json.readTree(line);
            var def = defs.get(n.get("type").asText());
            assertTrue(def != null, "no schema for " + line);
            def.get("required").forEach(r -> assertTrue(n.has(r.asText()), r + " missing from " + line));
            if (def.path("additionalProperties").isBoolean())
                n.fieldNames()
                        .forEachRemaining(k -> assertTrue(def.get("properties").has(k), k));
        }
        for (StepOp op : StepOp.values())
            assertTrue(defs.get("step")
                    .get("properties")
                    .get("op")
                    .get("enum")
                    .toString()
                    .contains("\"" + op.wireName() + "\""));
        for (StepResult r : StepResult.values())
            assertTrue(defs.get("step")
                    .get("properties")
                    .get("result")
                    .get("enum")
                    .toString()
                    .contains("\"" + r.wireName() + "\""));
    }

    @Test
    void theStoreNumbersTracesAndKeepsTheNewest() throws Exception {
        TraceStore store = new TraceStore(dir.resolve("traces"), 2);
        assertNull(store.latest());
        Path a = store.save(sample()), b = store.save(sample()), c = store.save(sample());
        assertEquals("000001-race3.trace.jsonl", a.getFileName().toString());
        assertEquals(
                List.of(b, c), store.list().stream().map(TraceStore.Entry::path).toList());
        assertEquals(3, store.latest().number());
        assertEquals(sample(), TraceFile.read(c, null));
    }
}
