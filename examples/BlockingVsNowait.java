import static ipclab.dsl.Scenarios.*;

import ipclab.dsl.model.Scenario;
import ipclab.dsl.yaml.ScenarioWriter;

/** A small queue, blocking calls versus IPC_NOWAIT with EAGAIN/ENOMSG counted (scenarios/blocking-vs-nowait.yaml). */
public class BlockingVsNowait {
    public static Scenario scenario() {
        return Scenario.named("blocking-vs-nowait")
                .description("A 1KiB queue that fills up: msgsnd blocks, or fails with EAGAIN and retries.")
                .channel(msgq("q").capacity(kib(1)))
                .process(writer("producer").channel("q").messages(2000).size(bytes(128)))
                .process(reader("consumer").channel("q"))
                .sweep("channels.q.mode", BLOCKING, NOWAIT)
                .expect("consumer.received == producer.sent", "q.lost == 0")
                .build();
    }

    public static void main(String[] args) { System.out.print(ScenarioWriter.toYaml(scenario())); }
}
