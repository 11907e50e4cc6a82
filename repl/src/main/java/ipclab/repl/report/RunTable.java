package ipclab.repl.report;

import com.fasterxml.jackson.databind.JsonNode;
import ipclab.repl.report.Style.Tone;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A run's report for people. It reads the machine report's JSON tree (the keys of issue 4 are a
 * contract: {@code scenario, seed, ok, durationMs, host, processes[], channels[], counters{},
 * leaks[], expectations[]}, plus {@code failures[]} and {@code params{}} when present), so the
 * table always shows exactly what {@code --json} wrote. A sweep ({@code {scenario, runs[]}}) gets
 * one compact table with a row per combination.
 *
 * <p>Absent figures print as {@code -}; losses, crashes and refuted claims are coloured when the
 * {@link Style} allows.
 */
public final class RunTable {
    private final Style style;

    public RunTable(Style style) { this.style = style; }

    /** The lines for one run's report or a sweep's. */
    public List<String> render(JsonNode report) {
        return report.has("runs") ? sweep(report) : single(report);
    }

    private List<String> single(JsonNode r) {
        List<String> out = new ArrayList<>();
        out.add(headline(r));
        JsonNode params = r.path("params");
        if (params.isObject() && !params.isEmpty()) out.add("params: " + paramsText(params));
        section(out, channels(r));
        section(out, processes(r));
        section(out, counters(r));
        JsonNode exps = r.path("expectations");
        if (exps.isArray() && !exps.isEmpty()) {
            out.add("");
            out.add(style.paint(Tone.HEAD, "expectations"));
            TextTable t = new TextTable().text("").text("claim").text("actual");
            for (JsonNode e : exps) {
                boolean ok = e.path("ok").asBoolean(false);
                t.row().cell(ok ? style.pass() : style.fail(), ok ? Tone.GOOD : Tone.BAD)
                        .cell(Json.text(e, "text")).cell(Json.text(e, "actual"));
            }
            List<String> lines = t.render(style);
            out.addAll(lines.subList(1, lines.size()));
        }
        JsonNode failures = r.path("failures");
        if (failures.isArray() && !failures.isEmpty()) {
            out.add("");
            out.add(style.paint(Tone.HEAD, "failures"));
            for (JsonNode f : failures) {
                out.add("  " + style.paint(Tone.BAD, failure(f)));
                for (JsonNode l : f.path("log")) out.add("    " + style.paint(Tone.DIM, l.asText()));
            }
        }
        list(out, "leaks", r.path("leaks"));
        out.add("");
        out.add(verdict(r));
        return out;
    }

    private String headline(JsonNode r) {
        StringBuilder sb = new StringBuilder();
        sb.append(style.paint(Tone.HEAD, "scenario " + Json.text(r, "scenario")));
        if (Json.present(r.path("seed"))) sb.append("  seed ").append(Json.text(r, "seed"));
        double ms = Json.num(r, "durationMs");
        if (!Double.isNaN(ms)) sb.append("  ran ").append(Units.millis(ms));
        JsonNode host = r.path("host");
        if (host.isObject()) {
            List<String> h = new ArrayList<>();
            if (Json.present(host.path("kernel"))) h.add("kernel " + host.path("kernel").asText());
            if (Json.present(host.path("cpus"))) h.add(host.path("cpus").asText() + " cpus");
            if (Json.present(host.path("java"))) h.add("java " + host.path("java").asText());
            if (!h.isEmpty()) sb.append("  (").append(String.join(", ", h)).append(')');
        }
        return sb.toString();
    }

    private TextTable channels(JsonNode r) {
        TextTable t = new TextTable().text("channel").text("type").number("sent").number("received").number("lost")
                .number("dup").number("corrupt").number("reorder").number("msgs/s").number("MiB/s")
                .number("p50").number("p99").number("max").number("syscalls/msg").number("setup");
        for (JsonNode c : r.path("channels")) {
            if (idle(c)) {
                t.row().cell(Json.text(c, "name")).cell(Json.text(c, "type")).cell("0").cell("0").cell("-").cell("-")
                        .cell("-").cell("-").cell("-").cell("-").cell("-").cell("-").cell("-").cell("-")
                        .cell(Units.nanos(Json.num(c, "setupNs")));
                continue;
            }
            t.row().cell(Json.text(c, "name")).cell(Json.text(c, "type"))
                    .cell(Json.count(c, "sent")).cell(Json.count(c, "received"))
                    .cell(Json.count(c, "lost"), bad(c, "lost")).cell(Json.count(c, "duplicated"), bad(c, "duplicated"))
                    .cell(Json.count(c, "corrupted"), bad(c, "corrupted")).cell(Json.count(c, "reordered"), warn(c, "reordered"))
                    .cell(Units.rate(Json.num(c, "throughput", "msgsPerSec")))
                    .cell(Units.decimal(Json.num(c, "throughput", "mibPerSec")))
                    .cell(Units.nanos(Json.num(c, "latencyNs", "p50"))).cell(Units.nanos(Json.num(c, "latencyNs", "p99")))
                    .cell(Units.nanos(Json.num(c, "latencyNs", "max")))
                    .cell(Units.decimal(Json.num(c, "syscallsPerMessage")))
                    .cell(Units.nanos(Json.num(c, "setupNs")));
        }
        return t;
    }

    private TextTable processes(JsonNode r) {
        TextTable t = new TextTable().text("process").text("role").number("pid").number("exit").number("user ms")
                .number("sys ms").number("vol cs").number("invol cs").number("faults min/maj").number("syscalls")
                .number("ready ms");
        for (JsonNode p : r.path("processes")) {
            JsonNode exit = p.path("exitCode");
            boolean exitBad = Json.present(exit) && exit.asInt() != 0;
            t.row().cell(Json.text(p, "name")).cell(Json.text(p, "role")).cell(Json.text(p, "pid"))
                    .cell(Json.present(exit) ? exit.asText() : "-", exitBad ? Tone.BAD : Tone.PLAIN)
                    .cell(Units.decimal(Json.num(p, "userCpuMs"))).cell(Units.decimal(Json.num(p, "sysCpuMs")))
                    .cell(Json.count(p, "voluntaryCtxSwitches")).cell(Json.count(p, "involuntaryCtxSwitches"))
                    .cell(Json.count(p, "minorFaults") + "/" + Json.count(p, "majorFaults"))
                    .cell(syscallTotal(p.path("syscalls")))
                    .cell(Units.decimal(Json.num(p, "spawnToReadyMs")));
        }
        return t;
    }

    private static String syscallTotal(JsonNode calls) {
        if (!calls.isObject()) return "-";
        long sum = 0;
        for (JsonNode v : calls) sum += v.asLong();
        return Units.count(sum);
    }

    private TextTable counters(JsonNode r) {
        TextTable t = new TextTable().text("counter").number("final").number("expected").number("lost updates");
        r.path("counters").properties().forEach(e -> t.row().cell(e.getKey())
                .cell(Json.count(e.getValue(), "final")).cell(Json.count(e.getValue(), "expected"))
                .cell(Json.count(e.getValue(), "lostUpdates"), warn(e.getValue(), "lostUpdates")));
        return t;
    }

    private List<String> sweep(JsonNode s) {
        List<String> out = new ArrayList<>();
        JsonNode runs = s.path("runs");
        out.add(style.paint(Tone.HEAD, "sweep " + Json.text(s, "scenario")) + "  " + runs.size() + " runs");
        Set<String> keys = new LinkedHashSet<>();
        boolean manyChannels = false;
        boolean traffic = false;
        boolean counters = false;
        for (JsonNode run : runs) {
            run.path("params").fieldNames().forEachRemaining(keys::add);
            List<JsonNode> busy = busyChannels(run);
            manyChannels |= busy.size() > 1;
            traffic |= !busy.isEmpty();
            counters |= !run.path("counters").isEmpty();
        }
        TextTable t = new TextTable();
        for (String k : keys) t.text(shortParam(k));
        if (manyChannels) t.text("channel");
        t.text("ok");
        if (traffic) {
            t.number("sent").number("received").number("lost").number("msgs/s").number("MiB/s")
                    .number("p50").number("p99").number("syscalls/msg");
        }
        if (counters) t.number("final").number("expected").number("lost updates");
        t.text("claims");
        for (JsonNode run : runs) {
            List<JsonNode> rows = busyChannels(run);
            if (rows.isEmpty()) rows.add(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
            for (int i = 0; i < rows.size(); i++) {
                JsonNode c = rows.get(i);
                TextTable.Row row = t.row();
                for (String k : keys) row.cell(Json.text(run, "params", k));
                if (manyChannels) row.cell(Json.text(c, "name"));
                boolean ok = run.path("ok").asBoolean(false);
                row.cell(ok ? style.pass() : style.fail(), ok ? Tone.GOOD : Tone.BAD);
                if (traffic) {
                    boolean idle = !Json.present(c);
                    row.cell(Json.count(c, "sent")).cell(Json.count(c, "received")).cell(Json.count(c, "lost"), bad(c, "lost"))
                            .cell(idle ? "-" : Units.rate(Json.num(c, "throughput", "msgsPerSec")))
                            .cell(idle ? "-" : Units.decimal(Json.num(c, "throughput", "mibPerSec")))
                            .cell(idle ? "-" : Units.nanos(Json.num(c, "latencyNs", "p50")))
                            .cell(idle ? "-" : Units.nanos(Json.num(c, "latencyNs", "p99")))
                            .cell(idle ? "-" : Units.decimal(Json.num(c, "syscallsPerMessage")));
                }
                if (counters) {
                    JsonNode k = counterFor(run.path("counters"), Json.text(c, "name"), i == 0);
                    row.cell(Json.count(k, "final")).cell(Json.count(k, "expected"))
                            .cell(Json.count(k, "lostUpdates"), warn(k, "lostUpdates"));
                }
                row.cell(claims(run.path("expectations")), claimsTone(run.path("expectations")));
            }
        }
        out.add("");
        out.addAll(t.render(style));
        for (JsonNode run : runs) {
            String p = paramsText(run.path("params"));
            for (JsonNode f : run.path("failures")) out.add(style.paint(Tone.BAD, style.fail() + " " + p + ": " + failure(f)));
            for (JsonNode l : run.path("leaks")) out.add(style.paint(Tone.BAD, "leak " + p + ": " + Json.oneLine(l)));
            for (JsonNode e : run.path("expectations")) {
                if (!e.path("ok").asBoolean(true)) {
                    out.add(style.paint(Tone.BAD, style.fail() + " " + p + ": " + Json.text(e, "text") + "  (" + Json.text(e, "actual") + ")"));
                }
            }
        }
        int failed = 0;
        int refuted = 0;
        for (JsonNode run : runs) {
            boolean broke = run.path("failures").size() + run.path("leaks").size() > 0;
            boolean claimFailed = false;
            for (JsonNode e : run.path("expectations")) claimFailed |= !e.path("ok").asBoolean(true);
            if (broke || (!run.path("ok").asBoolean(false) && !claimFailed)) failed++;
            else if (claimFailed) refuted++;
        }
        out.add("");
        if (failed == 0 && refuted == 0) {
            out.add(style.paint(Tone.GOOD, style.pass() + " all " + runs.size() + " runs ok"));
        } else {
            List<String> why = new ArrayList<>();
            if (failed > 0) why.add(failed + " of " + runs.size() + " runs failed");
            if (refuted > 0) why.add(refuted + " of " + runs.size() + " runs refuted a claim");
            out.add(style.paint(Tone.BAD, style.fail() + " " + String.join(", ", why)));
        }
        return out;
    }

    /** A failure: {@code died consumer: killed by SIGKILL (after 812 ms)}; a plain string as it is. */
    static String failure(JsonNode f) {
        if (f.isValueNode()) return f.asText();
        List<String> who = new ArrayList<>();
        if (Json.present(f.path("kind"))) who.add(f.path("kind").asText());
        if (Json.present(f.path("process"))) who.add(f.path("process").asText());
        String what = Json.present(f.path("message")) ? f.path("message").asText() : Json.oneLine(f);
        String text = who.isEmpty() ? what : String.join(" ", who) + ": " + what;
        double at = Json.num(f, "atMs");
        return Double.isNaN(at) ? text : text + " (after " + Units.millis(at) + ")";
    }

    /** Channels that carried messages (a counter-only segment carries none). */
    private static List<JsonNode> busyChannels(JsonNode run) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : run.path("channels")) if (!idle(c)) out.add(c);
        return out;
    }

    private static boolean idle(JsonNode c) { return c.path("sent").asLong(0) == 0 && c.path("received").asLong(0) == 0; }

    /** The counter of that channel, or the run's only counter on its first row. */
    private static JsonNode counterFor(JsonNode counters, String channel, boolean firstRow) {
        if (counters.has(channel)) return counters.get(channel);
        if (firstRow && counters.size() == 1) return counters.elements().next();
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** {@code processes.producer.size} reads as {@code producer.size} in a column header. */
    static String shortParam(String path) {
        for (String p : List.of("processes.", "channels.")) if (path.startsWith(p)) return path.substring(p.length());
        return path;
    }

    private static String paramsText(JsonNode params) {
        List<String> kv = new ArrayList<>();
        params.properties().forEach(e -> kv.add(e.getKey() + "=" + e.getValue().asText()));
        return String.join(" ", kv);
    }

    private static String claims(JsonNode exps) {
        if (!exps.isArray() || exps.isEmpty()) return "-";
        int ok = 0;
        for (JsonNode e : exps) if (e.path("ok").asBoolean(false)) ok++;
        return ok + "/" + exps.size();
    }

    private static Tone claimsTone(JsonNode exps) {
        for (JsonNode e : exps) if (!e.path("ok").asBoolean(false)) return Tone.BAD;
        return exps.isEmpty() ? Tone.PLAIN : Tone.GOOD;
    }

    private String verdict(JsonNode r) {
        boolean ok = r.path("ok").asBoolean(false);
        int refuted = 0;
        for (JsonNode e : r.path("expectations")) if (!e.path("ok").asBoolean(true)) refuted++;
        int failures = r.path("failures").size() + r.path("leaks").size();
        if (ok && refuted == 0) return style.paint(Tone.GOOD, style.pass() + " ok");
        List<String> why = new ArrayList<>();
        if (failures > 0) why.add(failures + (failures == 1 ? " failure" : " failures"));
        if (refuted > 0) why.add(refuted + (refuted == 1 ? " claim refuted" : " claims refuted"));
        if (!ok && why.isEmpty()) why.add("run failed");
        return style.paint(Tone.BAD, style.fail() + " " + String.join(", ", why));
    }

    private static Tone bad(JsonNode n, String field) { return n.path(field).asLong(0) > 0 ? Tone.BAD : Tone.PLAIN; }

    private static Tone warn(JsonNode n, String field) { return n.path(field).asLong(0) > 0 ? Tone.WARN : Tone.PLAIN; }

    private void section(List<String> out, TextTable t) {
        if (t.isEmpty()) return;
        out.add("");
        out.addAll(t.render(style));
    }

    private void list(List<String> out, String title, JsonNode items) {
        if (!items.isArray() || items.isEmpty()) return;
        out.add("");
        out.add(style.paint(Tone.HEAD, title));
        for (JsonNode i : items) out.add(style.paint(Tone.BAD, "  " + Json.oneLine(i)));
    }
}
