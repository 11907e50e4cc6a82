import static ipclab.dsl.Scenarios.*;

import ipclab.dsl.model.Scenario;
import ipclab.dsl.yaml.ScenarioWriter;

/**
 * What outlives a process (scenarios/leak.yaml): a slow two-second run, long enough to look at
 * the segment, semaphores and queue with 'ipclab ipcs' while it runs; ipclab removes them all.
 */
public class Leak {
    public static Scenario scenario() {
        return Scenario.named("leak")
                .description("System V objects belong to the kernel; watch them with ipcs while this runs, and see them gone after; with run --keep the segment (remove: at-end) outlives its processes.")
                .timeout(seconds(20))
                .channel(shm("ring").size(kib(64)).sync(SEMAPHORE).remove(AT_END))
                .channel(msgq("q"))
                .process(writer("shm-writer").channel("ring").duration(seconds(2)).rate(perSecond(500)))
                .process(reader("shm-reader").channel("ring"))
                .process(writer("mq-writer").channel("q").duration(seconds(2)).rate(perSecond(500)))
                .process(reader("mq-reader").channel("q"))
                .expect("shm-reader.received == shm-writer.sent", "mq-reader.received == mq-writer.sent")
                .build();
    }

    public static void main(String[] args) { System.out.print(ScenarioWriter.toYaml(scenario())); }
}
