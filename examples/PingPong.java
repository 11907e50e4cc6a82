import static ipclab.dsl.Scenarios.*;

import ipclab.dsl.model.ChannelSpecBuilder;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.yaml.ScenarioWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Round-trip latency over every mechanism, one scenario per channel (scenarios/pingpong-*.yaml):
 * the processes are the same, only the channel changes.
 */
public class PingPong {
    public static Scenario over(String name, ChannelSpecBuilder link) {
        return scenario("pingpong-" + name)
                .description("A pinger and an echo over " + name + ": 200 warm-up round trips, then 2000 measured.")
                .channel(link)
                .process(pinger("ping").channel("link").messages(2000).warmup(200).size(bytes(64)))
                .process(echo("pong").channel("link"))
                .expect("ping.received == ping.sent", "link.lost == 0")
                .build();
    }

    public static Map<String, Scenario> all() {
        Map<String, Scenario> out = new LinkedHashMap<>();
        out.put("msgq", over("msgq", msgq("link")));
        out.put("shm-spin", over("shm-spin", shm("link").size(kib(64)).slots(16).sync(SPIN)));
        out.put("shm-semaphore", over("shm-semaphore", shm("link").size(kib(64)).slots(16).sync(SEMAPHORE)));
        out.put("unix", over("unix", socket("link", UNIX)));
        out.put("tcp", over("tcp", socket("link", TCP)));
        out.put("pipe", over("pipe", pipe("link")));
        return out;
    }

    public static void main(String[] args) {
        all().values().forEach(s -> System.out.println(ScenarioWriter.toYaml(s) + "---"));
    }
}
