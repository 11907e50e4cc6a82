package ipclab.repl.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ipclab.dsl.verdict.Crossover;
import ipclab.dsl.verdict.Measurements;
import ipclab.dsl.verdict.Samples;
import ipclab.dsl.verdict.Verdict;
import java.util.List;

/**
 * The comparison for machines. Keys: {@code title, repeats, conditions{}, verdicts[{claim, verdict,
 * summary, figures[], crossovers[]}], points[{system, size, figure, median, min, max, samples[],
 * noisy} or {system, size, figure, unavailable}], charts[]}. Figures are in their raw units:
 * MiB/s, nanoseconds, counts; sizes in bytes; a verdict is {@code confirmed}, {@code refuted},
 * {@code range} or {@code inconclusive}.
 */
final class ComparisonJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ComparisonJson() {}

    static String write(Comparison c, List<ComparisonCharts.Chart> charts) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("title", c.title());
        root.put("repeats", c.repeats());
        root.set("conditions", conditions(c.conditions()));
        ArrayNode verdicts = root.putArray("verdicts");
        for (Verdict v : c.verdicts()) verdicts.add(verdict(v));
        ArrayNode points = root.putArray("points");
        for (Measurements.Point p : c.measurements().points()) points.add(point(p));
        ArrayNode files = root.putArray("charts");
        for (ComparisonCharts.Chart ch : charts) {
            files.addObject()
                    .put("figure", ch.figure().text())
                    .put("caption", ch.caption())
                    .put("png", ch.png().getFileName().toString())
                    .put("svg", ch.svg().getFileName().toString());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialise", e);
        }
    }

    private static ObjectNode conditions(Conditions k) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("cpuModel", k.cpuModel())
                .put("cpus", k.cpus())
                .put("pinning", k.pinning())
                .put("kernel", k.kernel())
                .put("jdk", k.jdk());
        k.loadBefore().forEach(n.putArray("loadBefore")::add);
        k.loadAfter().forEach(n.putArray("loadAfter")::add);
        n.put("ipclabVersion", k.ipclabVersion());
        ObjectNode limits = n.putObject("limits");
        k.limits().forEach(limits::put);
        return n;
    }

    static String kind(Verdict.Kind k) {
        return k == Verdict.Kind.RANGE ? "range" : k.label();
    }

    private static ObjectNode verdict(Verdict v) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("claim", v.claim()).put("verdict", kind(v.kind())).put("summary", v.summary());
        v.figures().forEach(n.putArray("figures")::add);
        ArrayNode cs = n.putArray("crossovers");
        for (Crossover c : v.crossovers()) {
            cs.addObject()
                    .put("better", c.better())
                    .put("worse", c.worse())
                    .put("size", c.size())
                    .put("low", c.low())
                    .put("high", c.high())
                    .put("lowOpen", c.lowOpen())
                    .put("highOpen", c.highOpen())
                    .put("text", c.text());
        }
        return n;
    }

    private static ObjectNode point(Measurements.Point p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("system", p.system())
                .put("size", p.size())
                .put("figure", p.figure().text());
        if (!p.measured()) return n.put("unavailable", p.unavailable());
        Samples s = p.samples();
        n.put("median", s.median()).put("min", s.min()).put("max", s.max());
        s.values().forEach(n.putArray("samples")::add);
        return n.put("noisy", s.noisy());
    }
}
