import static ipclab.dsl.Scenarios.*;

import ipclab.dsl.model.Scenario;
import ipclab.dsl.yaml.ScenarioWriter;

/** Shared memory pays at set-up, a queue per message (scenarios/setup-vs-per-message.yaml). */
public class SetupVsPerMessage {
    public static Scenario scenario() {
        return Scenario.named("setup-vs-per-message")
                .description("setupNs and per-message latency of a 1MiB shm ring and a message queue, side by side.")
                .channel(msgq("q"))
                .channel(shm("ring").size(mib(1)).slots(64).sync(SEMAPHORE))
                .process(writer("mq-writer").channel("q").messages(2000).size(bytes(256)))
                .process(reader("mq-reader").channel("q"))
                .process(writer("shm-writer").channel("ring").messages(2000).size(bytes(256)))
                .process(reader("shm-reader").channel("ring"))
                .expect("mq-reader.received == mq-writer.sent", "shm-reader.received == shm-writer.sent", "ring.setupNs > 0", "q.setupNs > 0")
                .build();
    }

    public static void main(String[] args) { System.out.print(ScenarioWriter.toYaml(scenario())); }
}
