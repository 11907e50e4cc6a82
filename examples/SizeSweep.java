import static ipclab.dsl.Scenarios.*;

import ipclab.dsl.model.ByteSize;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.model.ScenarioBuilder;
import ipclab.dsl.yaml.ScenarioWriter;

/**
 * Small messages favour message passing, large ones shared memory: the same size sweep over a
 * message queue and over a shared-memory ring (as scenarios/size-sweep-msgq.yaml and
 * size-sweep-shm.yaml). A method builds either, so the two can never drift apart.
 */
public class SizeSweep {
    static final Object[] SIZES = {64, 256, kib(1), kib(4), kib(8)};

    public static Scenario msgqSweep() {
        return sweep("size-sweep-msgq", "q", scenario("size-sweep-msgq").channel(msgq("q")));
    }

    public static Scenario shmSweep() {
        return sweep("size-sweep-shm", "ring", scenario("size-sweep-shm").channel(shm("ring").size(kib(256)).slots(16).sync(SEMAPHORE)));
    }

    private static Scenario sweep(String name, String channel, ScenarioBuilder b) {
        return b.description("One writer and one reader on " + channel + ", once per message size.")
                .process(writer("producer").channel(channel).messages(2000))
                .process(reader("consumer").channel(channel))
                .sweep("processes.producer.size", SIZES)
                .expect("consumer.received == producer.sent", channel.equals("q") ? "q.lost == 0" : "ring.corrupted == 0")
                .build();
    }

    public static void main(String[] args) {
        System.out.print(ScenarioWriter.toYaml(msgqSweep()));
        System.out.println("---");
        System.out.print(ScenarioWriter.toYaml(shmSweep()));
        System.out.println("# largest size: " + ByteSize.of(8192));
    }
}
