package ipclab.repl.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;

/** What --repeat, --quick and -p make of a scenario, planned again; nothing runs. */
class OverridesTest {
    private final Lab lab = new Lab();

    private LoadedScenario load(String name, String channel) throws Exception {
        return lab.loadYaml("""
                name: %s
                repeat: 3
                channels:
                  %s: {type: msgq}
                processes:
                  w: {role: writer, channel: %s, messages: 5000, warmup: 500}
                  r: {role: reader, channel: %s}
                """.formatted(name, channel, channel, channel), name + ".yaml");
    }

    @Test
    void quickRunsEachCombinationOnceWithATenthOfTheMessages() throws Exception {
        LoadedScenario s = lab.override(List.of(load("a", "q")), new Overrides(null, true, null))
                .getFirst();
        assertEquals(1, s.repeats());
        assertEquals(500, s.plans().getFirst().processes().getFirst().messages());
        assertEquals(50, s.plans().getFirst().processes().getFirst().warmup());
        assertEquals(
                2,
                lab.override(List.of(load("a", "q")), new Overrides(2, true, null))
                        .getFirst()
                        .repeats(),
                "--repeat wins over --quick");
    }

    @Test
    void anAxisGoesToTheScenariosThatHaveItsChannelAndAnUnknownOneIsReported() throws Exception {
        List<LoadedScenario> parts = List.of(load("a", "q"), load("b", "link"));
        SequencedMap<String, List<String>> axes = new LinkedHashMap<>();
        axes.put("channels.link.type", List.of("msgq", "shm-spin"));
        Overrides o = new Overrides(null, false, axes);
        List<LoadedScenario> out = lab.override(parts, o);
        assertEquals(1, out.get(0).plans().size());
        assertEquals(2, out.get(1).plans().size());
        assertEquals(
                Map.of("channels.link.type", "shm-spin"),
                out.get(1).plans().get(1).params());
        axes.put("channels.nowhere.type", List.of("pipe"));
        assertEquals(List.of("channels.nowhere.type"), new Overrides(null, false, axes).unused(parts));
    }
}
