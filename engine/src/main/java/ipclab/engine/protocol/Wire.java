package ipclab.engine.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import ipclab.dsl.plan.PlannedFault;
import ipclab.dsl.plan.PlannedProcess;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;

/**
 * The control protocol between the supervisor and a worker: one JSON object per line on the
 * worker's stdin (supervisor to worker) and stdout (worker to supervisor). Written with
 * jackson-core's streaming generator and read with {@link JsonLine}, so that a worker loads no
 * data binding and no Jackson parser (whose BigDecimal constants cost ~40 ms of start-up).
 *
 * <pre>
 *   supervisor -> worker                     worker -> supervisor
 *   {"type":"spec", seed, step, self,        {"type":"ready","setupNs":N}
 *      channel, handle, peers}  (1st line)   {"type":"pending","op":"msgsnd","channel":"jobs"}   (step mode)
 *   {"type":"go"}                            {"type":"stepped","op":"msgrcv","channel":"jobs",  (step mode: the
 *                                             "result":"ok","writer":0,"seq":3,"size":64}  granted step's outcome)
 *                                            {"type":"report", ...WorkerReport}
 *   {"type":"grant"}          (step mode)    {"type":"error","message":"..."}
 *   {"type":"free"}           (step mode)
 *   {"type":"stop"}                          {"type":"done"}  (a pooled worker, after its report:
 *   {"type":"spec", ...}  (a pooled worker's   it waits for its next spec)
 *      next run, after "done")
 * </pre>
 *
 * Lines that do not start with '{' are not protocol (a stray print) and are ignored by readers.
 */
public final class Wire {
    /** In a holder: made at a worker's first report or step line, not when its spec is read (start-up). */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    private Wire() {}

    // ---------------------------------------------------------------- generic

    /** A simple command line: {"type":"go"}. */
    public static String command(String type) {
        return "{\"type\":\"" + type + "\"}";
    }

    /**
     * Parses one protocol line into maps, lists, Long, Double, String, Boolean and null (with
     * {@link JsonLine}, not Jackson's parser: see there why).
     */
    public static Map<String, Object> parse(String line) {
        try {
            return JsonLine.object(line);
        } catch (JsonLine.NotAnObject e) {
            throw new IllegalArgumentException("not a JSON object: " + abbreviate(line), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad protocol line (" + e.getMessage() + "): " + abbreviate(line), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    static String object(String type, Body body) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = Json.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("type", type);
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public static long num(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (v instanceof Number n) return n.longValue();
        throw new IllegalArgumentException("protocol: field " + k + " missing or not a number in " + m.keySet());
    }

    public static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? "" : v.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (v instanceof Map<?, ?> o) return (Map<String, Object>) o;
        throw new IllegalArgumentException("protocol: field " + k + " missing or not an object");
    }

    // ---------------------------------------------------------------- spec

    public static String spec(WorkerSpec s) {
        return object("spec", g -> {
            g.writeNumberField("seed", s.seed());
            g.writeBooleanField("step", s.step());
            g.writeFieldName("self");
            PlanJson.process(g, s.self());
            g.writeFieldName("channel");
            PlanJson.channel(g, s.channel());
            g.writeFieldName("handle");
            HandleJson.write(g, s.handle());
            g.writeArrayFieldStart("peers");
            for (PlannedProcess p : s.peers()) PlanJson.process(g, p);
            g.writeEndArray();
            g.writeArrayFieldStart("faults");
            for (PlannedFault f : s.faults()) PlanJson.fault(g, f);
            g.writeEndArray();
        });
    }

    public static WorkerSpec spec(Map<String, Object> m) {
        List<PlannedProcess> peers = new ArrayList<>();
        Object ps = m.get("peers");
        if (ps instanceof List<?> l)
            for (Object o : l) {
                @SuppressWarnings("unchecked")
                Map<String, Object> pm = (Map<String, Object>) o;
                peers.add(PlanJson.process(pm));
            }
        List<PlannedFault> faults = new ArrayList<>();
        if (m.get("faults") instanceof List<?> l)
            for (Object o : l) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fm = (Map<String, Object>) o;
                faults.add(PlanJson.fault(fm));
            }
        return new WorkerSpec(
                PlanJson.process(obj(m, "self")),
                PlanJson.channel(obj(m, "channel")),
                HandleJson.read(obj(m, "handle")),
                peers,
                num(m, "seed"),
                Boolean.TRUE.equals(m.get("step")),
                faults);
    }

    // ---------------------------------------------------------------- worker -> supervisor

    /**
     * Written by hand (a type and a number need no escaping), without Jackson: it is on every
     * worker's start-up path, which then initialises no JSON generator (about 1.5 ms) before
     * "ready" (bench/HISTORY.md "Session 6: start-up"). WireTest checks it parses as before.
     */
    public static String ready(long setupNanos) {
        return new StringBuilder(40)
                .append("{\"type\":\"ready\",\"setupNs\":")
                .append(setupNanos)
                .append('}')
                .toString();
    }

    public static String pending(StepOp op, String channel) {
        return object("pending", g -> {
            g.writeStringField("op", op.wireName());
            g.writeStringField("channel", channel);
        });
    }

    /** The outcome of a granted step; fields that do not apply ({@link StepOutcome#NONE}) are left out. */
    public static String stepped(StepOutcome o) {
        return object("stepped", g -> {
            g.writeStringField("op", o.op().wireName());
            g.writeStringField("channel", o.channel());
            g.writeStringField("result", o.result().wireName());
            for (var f : o.numbers().entrySet()) g.writeNumberField(f.getKey(), f.getValue());
        });
    }

    /** Reads a "stepped" line back. */
    public static StepOutcome stepped(Map<String, Object> m) {
        return StepOutcome.read(
                StepOp.ofWire(str(m, "op")),
                str(m, "channel"),
                StepResult.ofWire(str(m, "result")),
                k -> m.get(k) instanceof Number n ? n.longValue() : StepOutcome.NONE);
    }

    /** A worker is about to do one of its own faults to itself (fault {@code index} of the plan) after {@code count} messages. */
    public static String fault(int index, long count) {
        return object("fault", g -> {
            g.writeNumberField("index", index);
            g.writeNumberField("count", count);
        });
    }

    public static String error(String message) {
        return object("error", g -> g.writeStringField("message", message));
    }

    /**
     * The report line's fields, in a holder class of their own: its lambdas are made when the
     * first report is written or read, not when a worker loads {@code Wire} to start.
     */
    private static final class Fields {
        /** A number field of the report line and where it lives in {@link WorkerReport}: the one list both directions read. */
        record LongField(String name, ToLongFunction<WorkerReport> get, ObjLongConsumer<WorkerReport> set) {}

        /** A map field of the report line (step or event name to a count or ns). */
        record MapField(String name, Function<WorkerReport, Map<String, Long>> get) {}

        static final List<LongField> COUNTS = List.of(
                new LongField("sent", r -> r.sent, (r, v) -> r.sent = v),
                new LongField("received", r -> r.received, (r, v) -> r.received = v),
                new LongField("bytesSent", r -> r.bytesSent, (r, v) -> r.bytesSent = v),
                new LongField("bytesReceived", r -> r.bytesReceived, (r, v) -> r.bytesReceived = v),
                new LongField("increments", r -> r.increments, (r, v) -> r.increments = v),
                new LongField("corrupted", r -> r.corrupted, (r, v) -> r.corrupted = v),
                new LongField("reordered", r -> r.reordered, (r, v) -> r.reordered = v),
                new LongField("duplicatedLocally", r -> r.duplicatedLocally, (r, v) -> r.duplicatedLocally = v));

        static final List<LongField> TIMES_AND_USAGE = List.of(
                new LongField("firstOpNanos", r -> r.firstOpNanos, (r, v) -> r.firstOpNanos = v),
                new LongField("lastOpNanos", r -> r.lastOpNanos, (r, v) -> r.lastOpNanos = v),
                new LongField("userCpuMicros", r -> r.userCpuMicros, (r, v) -> r.userCpuMicros = v),
                new LongField("sysCpuMicros", r -> r.sysCpuMicros, (r, v) -> r.sysCpuMicros = v),
                new LongField(
                        "voluntaryCtxSwitches", r -> r.voluntaryCtxSwitches, (r, v) -> r.voluntaryCtxSwitches = v),
                new LongField(
                        "involuntaryCtxSwitches",
                        r -> r.involuntaryCtxSwitches,
                        (r, v) -> r.involuntaryCtxSwitches = v),
                new LongField("minorFaults", r -> r.minorFaults, (r, v) -> r.minorFaults = v),
                new LongField("majorFaults", r -> r.majorFaults, (r, v) -> r.majorFaults = v));

        static final List<MapField> MAPS = List.of(
                new MapField("setupNanos", r -> r.setupNanos), new MapField("teardownNanos", r -> r.teardownNanos),
                new MapField("events", r -> r.events), new MapField("syscalls", r -> r.syscalls));
    }

    public static String report(WorkerReport r) {
        return object("report", g -> {
            g.writeStringField("name", r.name);
            g.writeStringField("role", r.role);
            g.writeStringField("channel", r.channel);
            for (Fields.LongField f : Fields.COUNTS)
                g.writeNumberField(f.name(), f.get().applyAsLong(r));
            g.writeObjectFieldStart("receivedSeqs");
            for (Map.Entry<Integer, ReceivedSeqs> e : r.receivedSeqs.entrySet()) {
                ReceivedSeqs s = e.getValue();
                g.writeArrayFieldStart(Integer.toString(e.getKey()));
                g.writeNumber(s.distinct());
                g.writeNumber(s.outOfWindow());
                g.writeNumber(s.hash());
                g.writeEndArray();
            }
            g.writeEndObject();
            if (r.latency != null) g.writeStringField("latency", histogramToBase64(r.latency));
            for (Fields.LongField f : Fields.TIMES_AND_USAGE)
                g.writeNumberField(f.name(), f.get().applyAsLong(r));
            for (Fields.MapField f : Fields.MAPS) longMap(g, f.name(), f.get().apply(r));
            g.writeStringField("cpus", r.cpus);
        });
    }

    private static void longMap(JsonGenerator g, String name, Map<String, Long> m) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> e : m.entrySet()) g.writeNumberField(e.getKey(), e.getValue());
        g.writeEndObject();
    }

    private static void readLongMap(Map<String, Object> m, String name, Map<String, Long> into) {
        Object v = m.get(name);
        if (v instanceof Map<?, ?> o)
            for (Map.Entry<?, ?> e : o.entrySet()) {
                into.put(e.getKey().toString(), ((Number) e.getValue()).longValue());
            }
    }

    public static WorkerReport report(Map<String, Object> m) {
        WorkerReport r = new WorkerReport();
        r.name = str(m, "name");
        r.role = str(m, "role");
        r.channel = str(m, "channel");
        for (Fields.LongField f : Fields.COUNTS) f.set().accept(r, num(m, f.name()));
        Object seqs = m.get("receivedSeqs");
        if (seqs instanceof Map<?, ?> o)
            for (Map.Entry<?, ?> e : o.entrySet()) {
                r.receivedSeqs.put(Integer.parseInt(e.getKey().toString()), receivedSeqs(e.getValue()));
            }
        Object lat = m.get("latency");
        if (lat != null) r.latency = histogramFromBase64(lat.toString());
        for (Fields.LongField f : Fields.TIMES_AND_USAGE) f.set().accept(r, num(m, f.name()));
        for (Fields.MapField f : Fields.MAPS) readLongMap(m, f.name(), f.get().apply(r));
        r.cpus = str(m, "cpus");
        return r;
    }

    /** A receiver's {@link ReceivedSeqs} of one writer: {@code [distinct, outOfWindow, hash]}. */
    private static ReceivedSeqs receivedSeqs(Object v) {
        if (v instanceof List<?> l
                && l.size() == 3
                && l.get(0) instanceof Number d
                && l.get(1) instanceof Number o
                && l.get(2) instanceof Number h
                && d.longValue() >= 0
                && o.longValue() >= 0) {
            return new ReceivedSeqs(d.longValue(), o.longValue(), h.longValue());
        }
        throw new IllegalArgumentException(
                "protocol: receivedSeqs entry is not [distinct >= 0, outOfWindow >= 0, hash]: "
                        + abbreviate(String.valueOf(v)));
    }

    static String histogramToBase64(Histogram h) {
        ByteBuffer b = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(b);
        byte[] bytes = new byte[n];
        b.flip();
        b.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static Histogram histogramFromBase64(String s) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(s)), 0);
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalArgumentException("protocol: bad latency histogram: " + e.getMessage(), e);
        }
    }
}
