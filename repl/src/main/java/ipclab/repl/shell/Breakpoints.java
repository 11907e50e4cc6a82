package ipclab.repl.shell;

import ipclab.engine.protocol.StepOp;
import ipclab.engine.run.StepProcess;
import ipclab.engine.run.StepStatus;
import ipclab.engine.transport.ChannelLook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session's breakpoints, numbered from 1 as {@code /break} adds them (they outlive a run, as
 * gdb's do). Two kinds: before an operation of a process, checked before each grant; and when a
 * value of a channel's live kernel objects reaches a number, checked after each step.
 */
final class Breakpoints {
    /** The values a channel breakpoint can watch, each read from the live objects. */
    static final List<String> FIELDS = List.of("messages", "bytes", "counter", "write-cursor", "read-cursor");

    sealed interface Break permits BeforeOp, Reaches {}

    /** Before {@code process} does {@code op} (any operation when null). */
    record BeforeOp(String process, StepOp op) implements Break {
        @Override
        public String toString() {
            return "before " + (op == null ? "any operation" : op.wireName()) + " of " + process;
        }
    }

    /** When {@code field} of {@code channel} reaches {@code value} (is at least it). */
    record Reaches(String channel, String field, long value) implements Break {
        @Override
        public String toString() {
            return "when " + channel + " " + field + " reaches " + value;
        }
    }

    private final Map<Integer, Break> all = new LinkedHashMap<>();
    private int next = 1;

    int add(Break b) {
        all.put(next, b);
        return next++;
    }

    boolean delete(int n) {
        return all.remove(n) != null;
    }

    void clear() {
        all.clear();
    }

    Map<Integer, Break> all() {
        return all;
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    /** The breakpoint that stops a grant to {@code p} before its announced operation, or null. */
    Map.Entry<Integer, Break> before(StepProcess p) {
        if (p.status() != StepStatus.ENABLED) return null;
        for (Map.Entry<Integer, Break> e : all.entrySet()) {
            if (e.getValue() instanceof BeforeOp b
                    && b.process().equals(p.name())
                    && (b.op() == null || b.op() == p.op())) return e;
        }
        return null;
    }

    /** The value breakpoints of the channels, by number, that hold now; {@code look} reads a channel live. */
    List<Integer> reached(java.util.function.Function<String, ChannelLook> look) {
        List<Integer> out = new ArrayList<>();
        for (Map.Entry<Integer, Break> e : all.entrySet()) {
            if (!(e.getValue() instanceof Reaches r)) continue;
            Long v = value(look.apply(r.channel()), r.field());
            if (v != null && v >= r.value()) out.add(e.getKey());
        }
        return out;
    }

    /** A field of a channel's look, or null when the channel has no such value. */
    static Long value(ChannelLook l, String field) {
        for (ChannelLook.Part part : l.parts()) {
            switch (part) {
                case ChannelLook.Queue q
                when field.equals("messages") -> {
                    return q.stat().qnum();
                }
                case ChannelLook.Queue q
                when field.equals("bytes") -> {
                    return q.stat().cbytes();
                }
                case ChannelLook.Counter c
                when field.equals("counter") -> {
                    return c.value();
                }
                case ChannelLook.Ring r
                when field.equals("write-cursor") -> {
                    return r.lanes().getFirst().writeCursor();
                }
                case ChannelLook.Ring r
                when field.equals("read-cursor") -> {
                    return r.lanes().getFirst().readCursor();
                }
                case ChannelLook.Ring r
                when field.equals("messages") -> {
                    ChannelLook.Lane lane = r.lanes().getFirst();
                    return lane.writeCursor() - lane.readCursor();
                }
                default -> {}
            }
        }
        return null;
    }
}
