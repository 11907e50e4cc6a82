package ipclab.engine.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ipclab.engine.protocol.StepOutcome;
import ipclab.engine.run.RunReport;
import ipclab.engine.run.StepEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Trace} on disk: JSON lines, one object per line, each with a {@code type}:
 *
 * <pre>
 * {"type":"trace","format":"ipclab-trace","version":1,"ipclab":"0.1.0","createdAt":"...","scenario":{"name":..,
 *   "source":..,"yaml":..,"sha256":..},"seed":1,"host":{"kernel":..,"cpus":2,"java":..,"limits":{..}},
 *   "scheduler":{"strategy":"random","seed":7,"depth":0}}
 * {"type":"step","step":1,"process":"adder-1","op":"load","channel":"counter","result":"ok","value":0}
 * ...                                            (one per grant; fields that do not apply are left out)
 * {"type":"report","report":{...}}               (the run's report, as --json writes it; one per sweep combination)
 * {"type":"end","steps":N,"reports":R,"sha256":"..."}
 * </pre>
 *
 * The end line's {@code sha256} is the SHA-256 of every byte before it: a trace without its end
 * line was cut short, one whose bytes do not hash to it was edited. The scenario's own
 * {@code sha256} covers its YAML. JSON Schema: {@code /ipclab/trace.schema.json} (one line each).
 * Files are written to a temporary name and moved into place, so a reader never sees half a trace.
 */
public final class TraceFile {
    /** The {@code format} of the first line. */
    public static final String FORMAT = "ipclab-trace";

    /** A bound on what {@link #read} loads into memory: far above any trace (a step is about 100 bytes). */
    static final long MAX_BYTES = 256L << 20;

    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TraceFile() {}

    /** Writes the trace to {@code file} (atomically: a temporary file, then a move). */
    public static void write(Trace t, Path file) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append(line(header(t)));
        for (StepEvent e : t.steps()) b.append(line(step(e)));
        for (RunReport r : t.reports()) {
            ObjectNode n = JSON.createObjectNode().put("type", "report");
            n.set("report", JSON.valueToTree(r));
            b.append(line(n));
        }
        String body = b.toString();
        ObjectNode end = JSON.createObjectNode()
                .put("type", "end")
                .put("steps", t.steps().size())
                .put("reports", t.reports().size())
                .put("sha256", Trace.sha256(body));
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
        Files.writeString(tmp, body + line(end), StandardCharsets.UTF_8);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads and checks a trace.
     *
     * @param thisVersion the running ipclab's version: a trace of another is refused; null to accept any
     * @throws TraceException unreadable, not a trace, another format or ipclab version, cut short or edited
     */
    public static Trace read(Path file, String thisVersion) throws TraceException {
        byte[] bytes;
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                throw new TraceException(
                        TraceException.Kind.NOT_A_TRACE,
                        file + " is " + Files.size(file) + " bytes, more than a trace of ipclab holds (at most "
                                + MAX_BYTES + "); not a trace, or not one this ipclab wrote");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TraceException(
                    TraceException.Kind.UNREADABLE,
                    "cannot read the trace " + file + ": "
                            + switch (e) {
                                case java.nio.file.NoSuchFileException x -> "no such file";
                                case java.nio.file.AccessDeniedException x -> "permission denied";
                                default -> Files.isDirectory(file) ? "it is a directory" : e.getMessage();
                            });
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        JsonNode head = lines.isEmpty() ? null : parse(lines.getFirst());
        if (head == null && lines.size() == 1 && !text.endsWith("\n") && text.startsWith("{\"type\":\"trace\"")) {
            throw new TraceException(
                    TraceException.Kind.TRUNCATED,
                    file + " is cut short inside its first line (" + bytes.length
                            + " bytes; a run interrupted while writing, or a partial copy)");
        }
        if (head == null
                || !"trace".equals(head.path("type").asText())
                || !FORMAT.equals(head.path("format").asText())) {
            throw new TraceException(
                    TraceException.Kind.NOT_A_TRACE,
                    file + " is not an ipclab trace (its first line is not "
                            + "{\"type\":\"trace\",\"format\":\"ipclab-trace\",...})");
        }
        JsonNode version = head.get("version");
        if (version == null || !version.isInt() || version.intValue() != Trace.FORMAT_VERSION) {
            throw new TraceException(
                    TraceException.Kind.VERSION,
                    file + " is a trace of format version " + TraceDecoder.shown(version)
                            + "; this ipclab reads version " + Trace.FORMAT_VERSION);
        }
        JsonNode end = parse(lines.getLast());
        if (lines.size() < 2 || end == null || !"end".equals(end.path("type").asText()) || !text.endsWith("\n")) {
            throw new TraceException(
                    TraceException.Kind.TRUNCATED,
                    file + " is cut short: it has no end line (" + lines.size()
                            + " lines; a run interrupted while writing, or a partial copy)");
        }
        String body = text.substring(0, text.length() - lines.getLast().length() - 1);
        if (!Trace.sha256(body).equals(end.path("sha256").asText())) {
            throw new TraceException(
                    TraceException.Kind.TAMPERED,
                    file + " was changed after it was recorded: its content does "
                            + "not match the hash on its end line (sha256); record the run again");
        }
        Trace t = TraceDecoder.decode(file, head, lines.subList(1, lines.size() - 1));
        if (t.steps().size() != end.path("steps").asInt(-1)
                || t.reports().size() != end.path("reports").asInt(-1)) {
            throw new TraceException(
                    TraceException.Kind.TRUNCATED,
                    file + " holds " + t.steps().size() + " steps and "
                            + t.reports().size() + " reports, but its end line counts " + end.path("steps") + " and "
                            + end.path("reports"));
        }
        if (!t.scenario().intact()) {
            throw new TraceException(
                    TraceException.Kind.TAMPERED,
                    file + ": the scenario's YAML does not match its sha256; " + "record the run again");
        }
        if (thisVersion != null && !thisVersion.equals(t.ipclab())) {
            String recordedBy = t.ipclab().isEmpty() ? "(unknown)" : TraceDecoder.shown(t.ipclab());
            throw new TraceException(
                    TraceException.Kind.VERSION,
                    file + " was recorded by ipclab " + recordedBy + "; this is ipclab " + thisVersion
                            + ", which may run it differently: replay it with ipclab " + recordedBy);
        }
        return t;
    }

    static JsonNode parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            return n != null && n.isObject() ? n : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String line(JsonNode n) {
        try {
            return JSON.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a trace line: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode header(Trace t) {
        ObjectNode n = JSON.createObjectNode()
                .put("type", "trace")
                .put("format", FORMAT)
                .put("version", Trace.FORMAT_VERSION)
                .put("ipclab", t.ipclab())
                .put("createdAt", t.createdAt());
        n.set("scenario", JSON.valueToTree(t.scenario()));
        n.put("seed", t.seed());
        n.set("host", JSON.valueToTree(t.host()));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("strategy", t.scheduler().strategy().wireName());
        s.put("seed", t.scheduler().seed());
        s.put("depth", t.scheduler().depth());
        n.set("scheduler", JSON.valueToTree(s));
        return n;
    }

    /** One step; fields that do not apply ({@link StepOutcome#NONE}) are left out. */
    static ObjectNode step(StepEvent e) {
        StepOutcome o = e.outcome();
        ObjectNode n = JSON.createObjectNode()
                .put("type", "step")
                .put("step", e.step())
                .put("process", e.process())
                .put("op", o.op().wireName())
                .put("channel", o.channel())
                .put("result", o.result().wireName());
        o.numbers().forEach(n::put);
        return n;
    }
}
