package ipclab.repl.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.plan.Plan;
import ipclab.engine.run.RunReport;
import ipclab.repl.StateDir;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warnings about likely distorted figures, on a report read from JSON (no process is run). */
@SuppressWarnings("try") // a StateDir works by being open
class DistortionsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static RunReport report(long p50, long durationMs) throws Exception {
        try (InputStream in = DistortionsTest.class.getResourceAsStream("/reports/run.json")) {
            ObjectNode tree = (ObjectNode) JSON.readTree(in);
            tree.put("ok", true);
            tree.put("durationMs", durationMs);
            tree.putArray("failures");
            ((ObjectNode) tree.get("channels").get(0).get("latencyNs")).put("p50", p50);
            return JSON.treeToValue(tree, RunReport.class);
        }
    }

    static Plan plan() throws Exception {
        return ScenarioLoader.fromYaml("""
                name: shm-vs-msgq
                channels:
                  jobs: {type: msgq}
                processes:
                  w: {role: writer, channel: jobs}
                  r: {role: reader, channel: jobs}
                """, "t.yaml").plans().getFirst();
    }

    @Test
    void aMedianMoreThanTwiceOffThePreviousRunIsWarnedAbout() throws Exception {
        try (StateDir state = new StateDir()) {
            Plan plan = plan();
            assertEquals(List.of(), once(plan, report(6_400_000, 5000)), "no previous run: nothing to compare");
            List<String> w = once(plan, report(69_100, 5000));
            assertEquals(1, w.size(), w.toString());
            assertTrue(
                    w.getFirst()
                            .startsWith(
                                    "jobs's p50 is 69.1 us, 92.6x lower than in the previous run of this scenario (6.40 ms)"),
                    w.getFirst());
            assertEquals(List.of(), once(plan, report(80_000, 5000)), "within 2x of 69.1 us");
        }
    }

    /** One run's warnings with the history on disk, as {@link Lab#run} does. */
    private static List<String> once(Plan plan, RunReport r) {
        History h = History.inStateDir();
        List<String> w = new Distortions(h).of(plan, r);
        h.save();
        return w;
    }

    @Test
    void aRunShorterThanASecondIsWarnedAbout() throws Exception {
        try (StateDir state = new StateDir()) {
            List<String> w = new Distortions(History.inStateDir()).of(plan(), report(1000, 572));
            assertEquals(1, w.size(), w.toString());
            assertTrue(
                    w.getFirst().startsWith("the run took 572 ms: in a run this short the JIT is still compiling"),
                    w.getFirst());
        }
    }
}
