package ipclab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.repl.report.Style;
import ipclab.repl.report.TextTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads what {@code bench/compare.sh} left in a directory and prints ipclab against ipcref, case
 * by case: the medians of both tools' figures and the median of the per-repeat ratios (each
 * ratio taken between an ipcref run and the ipclab run next to it in time, since the machine's
 * noise moves absolute figures 2-4x from one minute to the next), and a verdict against the aims.
 *
 * <pre>
 *   DIR/cases.order              one case per line (MODE-MECH-SIZE), the table's order
 *   DIR/CASE.REP.ipcref.json     ipcref's JSON line
 *   DIR/CASE.REP.ipclab.json     ipclab run --json's report
 * </pre>
 *
 * Usage: {@code Compare DIR [--markdown]}. Exit status 0 when every run of every case produced
 * its figures and the ipclab report said ok, 1 otherwise (the verdicts never change it).
 */
public final class Compare {
    /** Round-trip p50, ipclab / ipcref, at most this (spinning shm: {@link #SPIN_LATENCY_AIM}). */
    static final double LATENCY_AIM = 1.15;

    static final double SPIN_LATENCY_AIM = 1.5;
    /** One-way throughput, ipclab / ipcref, at least this (messages of 64 B or less: {@link #SMALL_THROUGHPUT_AIM}). */
    static final double THROUGHPUT_AIM = 0.85;

    /**
     * Issue 12's throughput aim for small messages, where a message's fixed costs (its header, the
     * slot's sequence, a system call) outweigh its bytes.
     */
    static final double SMALL_THROUGHPUT_AIM = 0.6;

    /** The largest message size {@link #SMALL_THROUGHPUT_AIM} applies to. */
    static final int SMALL_MESSAGE = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Compare() {}

    /** One ipcref run and the ipclab run next to it. Absent figures are NaN. */
    record Pair(
            int repeat,
            double refValue,
            double labValue,
            double refSys,
            double refChildSys,
            double labSys,
            double labChildSys,
            String failure) {
        double ratio() {
            return refValue > 0 && labValue > 0 ? labValue / refValue : Double.NaN;
        }
    }

    /** One line of the comparison. */
    record Row(String name, String mode, String mech, List<Pair> pairs) {
        /** The message size in bytes, the case name's last part; -1 when it has none. */
        int size() {
            int dash = name.lastIndexOf('-');
            try {
                return Integer.parseInt(name.substring(dash + 1));
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        boolean pingpong() {
            return mode.equals("pingpong");
        }

        double aim() {
            if (pingpong()) return mech.equals("shm-spin") ? SPIN_LATENCY_AIM : LATENCY_AIM;
            return size() >= 0 && size() <= SMALL_MESSAGE ? SMALL_THROUGHPUT_AIM : THROUGHPUT_AIM;
        }

        double median(java.util.function.ToDoubleFunction<Pair> f) {
            List<Double> v = new ArrayList<>();
            for (Pair p : pairs) {
                double x = f.applyAsDouble(p);
                if (!Double.isNaN(x)) v.add(x);
            }
            return Compare.median(v);
        }

        double minRatio() {
            return ratios().min().orElse(Double.NaN);
        }

        double maxRatio() {
            return ratios().max().orElse(Double.NaN);
        }

        /** The pairs' ratios that are known (a failed pair has none). */
        private java.util.stream.DoubleStream ratios() {
            return pairs.stream().mapToDouble(Pair::ratio).filter(x -> !Double.isNaN(x));
        }

        long failures() {
            return pairs.stream().filter(p -> p.failure() != null).count();
        }

        String verdict() {
            if (failures() > 0)
                return "FAILED " + failures() + "/" + pairs.size() + ": "
                        + pairs.stream()
                                .filter(p -> p.failure() != null)
                                .findFirst()
                                .orElseThrow()
                                .failure();
            double r = median(Pair::ratio);
            if (Double.isNaN(r)) return "no figures";
            List<String> v = new ArrayList<>();
            if (pingpong()) {
                v.add(r <= aim() ? "ok" : String.format(Locale.ROOT, "slow: %.2fx > %.2f", r, aim()));
            } else {
                v.add(r >= aim() ? "ok" : String.format(Locale.ROOT, "slow: %.2fx < %.2f", r, aim()));
            }
            double rs = median(Pair::refSys), ls = median(Pair::labSys);
            double rc = median(Pair::refChildSys), lc = median(Pair::labChildSys);
            if (ls > rs + 0.05 || lc > rc + 0.05) v.add("more syscalls");
            return String.join(", ", v);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("--markdown"))) {
            System.err.println("usage: Compare DIR [--markdown]   (DIR as bench/compare.sh leaves it)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        if (!Files.isDirectory(dir)) {
            System.err.println("Compare: " + dir
                    + " is not a directory; give the directory bench/compare.sh wrote its results to");
            System.exit(2);
        }
        List<Row> rows = read(dir);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String> lines =
                args.length == 2 ? markdown(rows) : new ArrayList<>(table(rows).render(new Style(false, false)));
        lines.forEach(out::println);
        boolean failed =
                rows.stream().anyMatch(r -> r.failures() > 0 || r.pairs().isEmpty());
        System.exit(failed ? 1 : 0);
    }

    /** Every case in the directory, in cases.order's order (else by name). */
    static List<Row> read(Path dir) throws IOException {
        Map<String, Map<Integer, Path[]>> byCase = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String f = p.getFileName().toString();
                boolean ref = f.endsWith(".ipcref.json");
                if (!ref && !f.endsWith(".ipclab.json")) continue;
                String stem = f.substring(0, f.length() - ".ipcref.json".length());
                int dot = stem.lastIndexOf('.');
                if (dot < 0) continue;
                int rep;
                try {
                    rep = Integer.parseInt(stem.substring(dot + 1));
                } catch (NumberFormatException e) {
                    continue;
                }
                byCase.computeIfAbsent(stem.substring(0, dot), k -> new TreeMap<>())
                        .computeIfAbsent(rep, k -> new Path[2])[ref ? 0 : 1] = p;
            }
        }
        List<String> order = new ArrayList<>();
        Path orderFile = dir.resolve("cases.order");
        if (Files.isRegularFile(orderFile)) {
            for (String l : Files.readAllLines(orderFile))
                if (!l.isBlank() && byCase.containsKey(l.strip())) order.add(l.strip());
        }
        for (String c : byCase.keySet()) if (!order.contains(c)) order.add(c);
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String c : order) {
            String[] parts = c.split("-", 2); // MODE-MECH-SIZE, MECH may hold '-'
            String mode = parts[0];
            String rest = parts.length > 1 ? parts[1] : "";
            String mech = rest.contains("-") ? rest.substring(0, rest.lastIndexOf('-')) : rest;
            List<Pair> pairs = new ArrayList<>();
            for (Map.Entry<Integer, Path[]> e : byCase.get(c).entrySet())
                pairs.add(pair(e.getKey(), mode, e.getValue()[0], e.getValue()[1]));
            rows.put(c, new Row(c, mode, mech, pairs));
        }
        return new ArrayList<>(rows.values());
    }

    static Pair pair(int rep, String mode, Path refFile, Path labFile) {
        boolean pingpong = mode.equals("pingpong");
        double refValue = Double.NaN, refSys = Double.NaN, refChild = Double.NaN;
        double labValue = Double.NaN, labSys = Double.NaN, labChild = Double.NaN;
        String failure = null;
        JsonNode ref = readJson(refFile);
        if (ref == null) {
            failure = "ipcref gave no JSON (" + (refFile == null ? "no file" : refFile.getFileName() + ", see its .err")
                    + ")";
        } else {
            refValue = num(ref, pingpong ? "p50_ns" : "mib_per_s");
            refSys = num(ref, "syscalls_per_msg");
            refChild = num(ref, "child_syscalls_per_msg");
        }
        JsonNode lab = readJson(labFile);
        if (lab == null
                || !lab.path("channels").isArray()
                || lab.path("channels").isEmpty()) {
            if (failure == null)
                failure = "ipclab gave no report ("
                        + (labFile == null ? "no file" : labFile.getFileName() + ", see its .txt") + ")";
        } else {
            JsonNode ch = lab.path("channels").get(0);
            labValue = pingpong
                    ? ch.path("latencyNs").path("p50").asDouble(Double.NaN)
                    : ch.path("throughput").path("mibPerSec").asDouble(Double.NaN);
            labSys = perMessage(lab, pingpong ? "pinger" : "writer", "sent");
            labChild = perMessage(lab, pingpong ? "echo" : "reader", "received");
            if (!lab.path("ok").asBoolean(false) && failure == null) {
                JsonNode f = lab.path("failures");
                failure = "ipclab run not ok"
                        + (f.isArray() && !f.isEmpty()
                                ? ": " + f.get(0).path("message").asText()
                                : "");
            }
        }
        return new Pair(rep, refValue, labValue, refSys, refChild, labSys, labChild, failure);
    }

    /**
     * System calls per message (per round trip for a pinger or echo) of the processes with this
     * role: all their counted calls over their messages (warm-up included on both sides).
     */
    static double perMessage(JsonNode report, String role, String countField) {
        long calls = 0, count = 0;
        for (JsonNode p : report.path("processes")) {
            if (!p.path("role").asText().equals(role)) continue;
            for (JsonNode n : p.path("syscalls")) calls += n.asLong();
            count += p.path(countField).asLong();
        }
        return count > 0 ? (double) calls / count : Double.NaN;
    }

    private static JsonNode readJson(Path f) {
        if (f == null || !Files.isRegularFile(f)) return null;
        try {
            String text = Files.readString(f).strip();
            if (text.isEmpty()) return null;
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static double num(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }

    static double median(List<Double> v) {
        if (v.isEmpty()) return Double.NaN;
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static TextTable table(List<Row> rows) {
        TextTable t = new TextTable()
                .text("case")
                .number("runs")
                .number("ipcref p50")
                .number("ipclab p50")
                .number("ipcref MiB/s")
                .number("ipclab MiB/s")
                .number("ratio")
                .number("ratio range")
                .number("aim")
                .number("sys/msg ipcref")
                .number("sys/msg ipclab")
                .text("verdict");
        for (Row r : rows) {
            String[] c = cells(r);
            TextTable.Row tr = t.row();
            for (String s : c) tr.cell(s);
        }
        return t;
    }

    static List<String> markdown(List<Row> rows) {
        List<String> out = new ArrayList<>();
        out.add(
                "| case | runs | ipcref p50 | ipclab p50 | ipcref MiB/s | ipclab MiB/s | ratio | ratio range | aim | sys/msg ipcref | sys/msg ipclab | verdict |");
        out.add("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        for (Row r : rows) out.add("| " + String.join(" | ", cells(r)) + " |");
        return out;
    }

    private static String[] cells(Row r) {
        boolean pp = r.pingpong();
        String refP50 = pp ? micros(r.median(Pair::refValue)) : "-";
        String labP50 = pp ? micros(r.median(Pair::labValue)) : "-";
        String refMib = pp ? "-" : fixed(r.median(Pair::refValue), 1);
        String labMib = pp ? "-" : fixed(r.median(Pair::labValue), 1);
        String aim = (pp ? "<= " : ">= ") + fixed(r.aim(), 2);
        String range = fixed(r.minRatio(), 2) + "-" + fixed(r.maxRatio(), 2);
        return new String[] {
            r.name(),
            Integer.toString(r.pairs().size()),
            refP50,
            labP50,
            refMib,
            labMib,
            fixed(r.median(Pair::ratio), 2),
            range,
            aim,
            fixed(r.median(Pair::refSys), 2) + "/" + fixed(r.median(Pair::refChildSys), 2),
            fixed(r.median(Pair::labSys), 2) + "/" + fixed(r.median(Pair::labChildSys), 2),
            r.verdict()
        };
    }

    private static String micros(double ns) {
        if (Double.isNaN(ns)) return "-";
        return String.format(Locale.ROOT, ns < 10_000 ? "%.2f us" : "%.1f us", ns / 1000);
    }

    private static String fixed(double v, int digits) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }
}
