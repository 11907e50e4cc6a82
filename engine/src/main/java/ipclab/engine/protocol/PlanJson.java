package ipclab.engine.protocol;

import static ipclab.engine.protocol.Wire.num;
import static ipclab.engine.protocol.Wire.str;

import com.fasterxml.jackson.core.JsonGenerator;
import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.FaultAction;
import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Removal;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.model.Verify;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedFault;
import ipclab.dsl.plan.PlannedProcess;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plan's records in the worker's spec line ({@link Wire#spec}): a {@link PlannedProcess},
 * {@link PlannedChannel} or {@link PlannedFault} as one JSON object whose fields are its
 * components by name, enums by constant name ({@link HandleJson} does the same for the handle).
 */
final class PlanJson {
    private PlanJson() {}

    static void fault(JsonGenerator g, PlannedFault f) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", f.index());
        if (f.process() != null) g.writeStringField("process", f.process());
        if (f.channel() != null) g.writeStringField("channel", f.channel());
        g.writeStringField("action", f.action().name());
        g.writeNumberField("after", f.after());
        g.writeNumberField("atNanos", f.atNanos());
        g.writeNumberField("forNanos", f.forNanos());
        g.writeEndObject();
    }

    static PlannedFault fault(Map<String, Object> m) {
        return new PlannedFault(
                (int) num(m, "index"),
                m.get("process") == null ? null : str(m, "process"),
                m.get("channel") == null ? null : str(m, "channel"),
                constant(FaultAction.values(), str(m, "action")),
                num(m, "after"),
                num(m, "atNanos"),
                num(m, "forNanos"));
    }

    static void process(JsonGenerator g, PlannedProcess p) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", p.name());
        g.writeStringField("group", p.group());
        g.writeNumberField("replica", p.replica());
        g.writeNumberField("index", p.index());
        g.writeStringField("role", p.role().name());
        g.writeStringField("channel", p.channel());
        g.writeNumberField("messages", p.messages());
        g.writeNumberField("durationNanos", p.durationNanos());
        g.writeNumberField("size", p.size());
        g.writeNumberField("ratePerSecond", p.ratePerSecond());
        g.writeNumberField("mtype", p.mtype());
        g.writeNumberField("warmup", p.warmup());
        g.writeNumberField("delayNanos", p.delayNanos());
        g.writeArrayFieldStart("cpus");
        for (int c : p.cpus()) g.writeNumber(c);
        g.writeEndArray();
        g.writeEndObject();
    }

    static PlannedProcess process(Map<String, Object> m) {
        return new PlannedProcess(
                str(m, "name"),
                str(m, "group"),
                (int) num(m, "replica"),
                (int) num(m, "index"),
                constant(Role.values(), str(m, "role")),
                str(m, "channel"),
                num(m, "messages"),
                num(m, "durationNanos"),
                num(m, "size"),
                num(m, "ratePerSecond"),
                num(m, "mtype"),
                num(m, "warmup"),
                m.get("delayNanos") instanceof Number d ? d.longValue() : 0,
                ints(m, "cpus"));
    }

    /** A list of small numbers; absent is empty. */
    private static List<Integer> ints(Map<String, Object> m, String k) {
        if (!(m.get(k) instanceof List<?> l)) return List.of();
        List<Integer> out = new ArrayList<>(l.size());
        for (Object o : l) {
            if (!(o instanceof Number n))
                throw new IllegalArgumentException("protocol: field " + k + " holds " + o + ", not a number");
            out.add(n.intValue());
        }
        return out;
    }

    static void channel(JsonGenerator g, PlannedChannel c) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeStringField("type", c.type().name());
        g.writeNumberField("segmentBytes", c.segmentBytes());
        g.writeNumberField("slots", c.slots());
        g.writeNumberField("slotBytes", c.slotBytes());
        g.writeStringField("sync", c.sync() == null ? null : c.sync().name());
        g.writeStringField("fanout", c.fanout() == null ? null : c.fanout().name());
        g.writeStringField("mode", c.mode() == null ? null : c.mode().name());
        g.writeNumberField("capacity", c.capacity());
        g.writeStringField("domain", c.domain() == null ? null : c.domain().name());
        g.writeNumberField("maxMessage", c.maxMessage());
        g.writeStringField("removal", c.removal().name());
        g.writeStringField("verify", c.verify().name());
        g.writeNumberField("sample", c.sample());
        g.writeEndObject();
    }

    private static <E extends Enum<E>> E opt(E[] values, Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? null : constant(values, v.toString());
    }

    /**
     * The constant of that name, as {@code Enum.valueOf} but without reflection: its first call in
     * a JVM invokes {@code values()} reflectively (the method-handle accessor machinery, ~2 ms of a
     * worker's start before "ready"; bench/HISTORY.md "Session 6: start-up").
     */
    private static <E extends Enum<E>> E constant(E[] values, String name) {
        for (E e : values) if (e.name().equals(name)) return e;
        throw new IllegalArgumentException(
                "No enum constant " + values.getClass().getComponentType().getName() + "." + name);
    }

    static PlannedChannel channel(Map<String, Object> m) {
        return new PlannedChannel(
                str(m, "name"),
                constant(ChannelType.values(), str(m, "type")),
                num(m, "segmentBytes"),
                (int) num(m, "slots"),
                num(m, "slotBytes"),
                opt(Sync.values(), m, "sync"),
                opt(Fanout.values(), m, "fanout"),
                opt(QueueMode.values(), m, "mode"),
                num(m, "capacity"),
                opt(SocketDomain.values(), m, "domain"),
                num(m, "maxMessage"),
                opt(Removal.values(), m, "removal"),
                constant(Verify.values(), str(m, "verify")),
                (int) num(m, "sample"));
    }
}
