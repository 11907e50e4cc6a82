package ipclab.engine.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepOutcome;
import ipclab.engine.protocol.StepResult;
import ipclab.engine.run.RunReport;
import ipclab.engine.run.StepEvent;
import ipclab.engine.schedule.SchedulerSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The lines of a trace whose bytes are intact (its hash matched), turned into a {@link Trace}. A
 * trace can still be forged or written by a buggy tool with a matching hash, so every field is
 * checked for presence and type, and a wrong one is refused with the line and the field's path in
 * words ({@code line 7: 'op' must be a string}), never with a parser's or a null pointer's text.
 */
final class TraceDecoder {
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TraceDecoder() {}

    /** Why a line is refused; caught in {@link #decode} and said as one line about the file. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    static Trace decode(Path file, JsonNode head, List<String> lines) throws TraceException {
        try {
            Trace.Scenario sc = new Trace.Scenario(
                    text(head, "scenario", "name", 1),
                    optionalText(head.get("scenario"), "source"),
                    text(head, "scenario", "yaml", 1),
                    text(head, "scenario", "sha256", 1));
            Trace.Host host = value(head, "host", Trace.Host.class, 1);
            JsonNode s = object(head, "scheduler", 1);
            SchedulerSpec.Strategy strategy;
            try {
                strategy = SchedulerSpec.Strategy.ofWire(text(s, "strategy", 1));
            } catch (IllegalArgumentException e) {
                throw new Refused("line 1: 'strategy' is " + shown(s.get("strategy")) + ", not a scheduler");
            }
            SchedulerSpec spec;
            try {
                spec = new SchedulerSpec(strategy, integer(s, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE), (int)
                        integer(s, "depth", 1, 0, Integer.MAX_VALUE));
            } catch (IllegalArgumentException e) {
                throw new Refused("line 1: the scheduler: " + e.getMessage());
            }
            List<StepEvent> steps = new ArrayList<>();
            List<RunReport> reports = new ArrayList<>();
            int n = 1;
            for (String l : lines) {
                n++;
                JsonNode j = TraceFile.parse(l);
                if (j == null) throw new Refused("line " + n + " is not a JSON object");
                switch (j.path("type").asText()) {
                    case "step" -> {
                        StepEvent e = step(j, n);
                        if (e.step() != steps.size() + 1)
                            throw new Refused("line " + n + ": step " + e.step() + " where step " + (steps.size() + 1)
                                    + " belongs (steps are numbered from 1, in order)");
                        steps.add(e);
                    }
                    case "report" -> reports.add(value(j, "report", RunReport.class, n));
                    default ->
                        throw new Refused("line " + n + " has type " + shown(j.get("type"))
                                + "; between the first and the end line a trace holds only step and report lines");
                }
            }
            return new Trace(
                    optionalText(head, "ipclab"),
                    optionalText(head, "createdAt"),
                    sc,
                    integer(head, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE),
                    host,
                    spec,
                    steps,
                    reports);
        } catch (Refused e) {
            throw new TraceException(
                    TraceException.Kind.NOT_A_TRACE, file + " is not a valid ipclab trace: " + e.getMessage());
        }
    }

    private static StepEvent step(JsonNode j, int n) {
        StepOp op;
        StepResult result;
        try {
            op = StepOp.ofWire(text(j, "op", n));
        } catch (IllegalArgumentException e) {
            throw new Refused("line " + n + ": 'op' is " + shown(j.get("op")) + ", not a step operation");
        }
        try {
            result = StepResult.ofWire(text(j, "result", n));
        } catch (IllegalArgumentException e) {
            throw new Refused("line " + n + ": 'result' is " + shown(j.get("result")) + ", not a step's result");
        }
        String process = text(j, "process", n), channel = text(j, "channel", n);
        if (process.isBlank() || channel.isBlank())
            throw new Refused("line " + n + ": a step names its process and its channel");
        StepOutcome o = StepOutcome.read(op, channel, result, k -> opt(j, k, n));
        return new StepEvent((int) integer(j, "step", n, 1, Integer.MAX_VALUE), process, o);
    }

    private static long opt(JsonNode j, String k, int n) {
        return j.has(k) ? integer(j, k, n, Long.MIN_VALUE, Long.MAX_VALUE) : StepOutcome.NONE;
    }

    private static JsonNode object(JsonNode j, String k, int n) {
        JsonNode v = j.get(k);
        if (v == null || !v.isObject())
            throw new Refused("line " + n + ": '" + k + "' must be an object, not " + shown(v));
        return v;
    }

    private static String text(JsonNode j, String k, int n) {
        JsonNode v = j.get(k);
        if (v == null || !v.isTextual())
            throw new Refused("line " + n + ": '" + k + "' must be a string, not " + shown(v));
        return v.asText();
    }

    private static String text(JsonNode j, String parent, String k, int n) {
        JsonNode p = object(j, parent, n);
        JsonNode v = p.get(k);
        if (v == null || !v.isTextual())
            throw new Refused("line " + n + ": '" + parent + "." + k + "' must be a string, not " + shown(v));
        return v.asText();
    }

    private static String optionalText(JsonNode j, String k) {
        JsonNode v = j.get(k);
        return v != null && v.isTextual() ? v.asText() : "";
    }

    private static long integer(JsonNode j, String k, int n, long min, long max) {
        JsonNode v = j.get(k);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max)
            throw new Refused("line " + n + ": '" + k + "' must be a whole number"
                    + (min == Long.MIN_VALUE ? "" : " from " + min + " to " + max) + ", not " + shown(v));
        return v.longValue();
    }

    /** A nested object read as a record; a wrong field is named by its path. */
    private static <T> T value(JsonNode j, String k, Class<T> type, int n) {
        JsonNode v = object(j, k, n);
        try {
            return JSON.treeToValue(v, type);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining());
            throw new Refused("line " + n + ": '" + k + path + "' is not what a trace holds there");
        } catch (JsonProcessingException | RuntimeException e) {
            throw new Refused("line " + n + ": '" + k + "' is not what a trace holds there");
        }
    }

    /** A value as a message shows it: short, on one line. */
    static String shown(JsonNode v) {
        if (v == null || v.isMissingNode()) return "missing";
        return shown(v.isContainerNode() ? (v.isArray() ? "an array" : "an object") : v.toString());
    }

    /** Text from a file as a message shows it: control and format characters as '?', at most 40 characters. */
    static String shown(String text) {
        String s = text.codePoints()
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + " chars)" : s;
    }
}
