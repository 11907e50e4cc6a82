package ipclab.dsl.plan;

import ipclab.dsl.expect.ClaimSyntaxException;
import ipclab.dsl.model.ByteSize;
import ipclab.dsl.model.Key;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.model.ValueType;
import ipclab.dsl.verdict.ComparativeClaim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a sweep becomes a comparison: which of its axes is the message size, and how each
 * combination names its <em>system</em> (what {@code compare:} claims compare). The size axis is a
 * {@code processes.<name>.size} path; every other axis names the system, its values joined by
 * '-' ({@code channels.link.type: [msgq, shm-spin]} gives {@code msgq} and {@code shm-spin};
 * with a second axis {@code channels.link.mode: [blocking, nowait]}, {@code msgq-nowait}). A value
 * that does not start with a letter is prefixed with its key ({@code replicas2}). A scenario without
 * such an axis is one system, named after the scenario.
 */
public final class Comparing {
    private Comparing() {}

    /** The most times a combination may be repeated. */
    public static final int MAX_REPEAT = Math.toIntExact(((ValueType.Whole) Key.REPEAT.type()).maximum());

    /** Problems of {@code repeat:} and {@code compare:}: a repeat out of range, a claim that does not parse. */
    static List<Problem> check(Scenario s) {
        List<Problem> out = new ArrayList<>();
        if (s.repeat() != null && (s.repeat() < 1 || s.repeat() > MAX_REPEAT)) {
            out.add(Problem.value("repeat", "repeat=" + s.repeat() + " must be from 1 to " + MAX_REPEAT + ", e.g. 3"));
        }
        for (int i = 0; i < s.compare().size(); i++) {
            try {
                ComparativeClaim.parse(s.compare().get(i));
            } catch (ClaimSyntaxException e) {
                out.add(Problem.value(
                        "compare[" + i + "]", e.getMessage() + " (at column " + e.column() + " of the claim)"));
            }
        }
        return out;
    }

    /** Whether a sweep path is the message-size axis. */
    public static boolean sizeAxis(String path) {
        return path.startsWith("processes.") && path.endsWith(".size");
    }

    /** The system a combination measures: its non-size values joined by '-', or the scenario's name. */
    public static String system(String scenario, Map<String, String> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> {
            if (sizeAxis(k)) return;
            String key = k.substring(k.lastIndexOf('.') + 1);
            parts.add(Character.isLetter(v.isEmpty() ? '0' : v.charAt(0)) ? v : key + v);
        });
        return parts.isEmpty() ? scenario : String.join("-", parts);
    }

    /** The message size a combination measures: its size axis's value, else its first sender's size; 0 when it has none (incrementers). */
    public static long size(Plan p) {
        for (var e : p.params().entrySet()) {
            if (sizeAxis(e.getKey())) return ByteSize.parse(e.getValue()).bytes();
        }
        return p.processes().stream()
                .filter(x -> x.role() == ipclab.dsl.model.Role.WRITER || x.role() == ipclab.dsl.model.Role.PINGER)
                .mapToLong(PlannedProcess::size)
                .findFirst()
                .orElse(0);
    }

    /** The size of a combination that could not be planned: its size axis's value, else 0. */
    public static long size(Map<String, String> params) {
        for (var e : params.entrySet()) {
            if (sizeAxis(e.getKey())) return ByteSize.parse(e.getValue()).bytes();
        }
        return 0;
    }
}
