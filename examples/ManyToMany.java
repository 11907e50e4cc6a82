import static ipclab.dsl.Scenarios.*;

import ipclab.dsl.model.Scenario;
import ipclab.dsl.yaml.ScenarioWriter;

/**
 * Message queues are many-to-many (scenarios/many-to-many-msgq.yaml), and shared memory can give
 * every reader every message (scenarios/broadcast-shm.yaml).
 */
public class ManyToMany {
    public static Scenario queue() {
        return scenario("many-to-many-msgq")
                .description("Two writers, two readers, one queue: each message received exactly once.")
                .channel(msgq("jobs"))
                .process(writer("producer").channel("jobs").replicas(2).messages(2000).size(bytes(128)))
                .process(reader("consumer").channel("jobs").replicas(2))
                .expect("consumer.received == producer.sent", "jobs.lost == 0", "jobs.duplicated == 0")
                .build();
    }

    public static Scenario broadcast() {
        return scenario("broadcast-shm")
                .description("One writer, two readers each reading every message from a shared ring.")
                .channel(shm("ring").size(kib(64)).slots(16).sync(SEMAPHORE).fanout(BROADCAST))
                .process(writer("writer").channel("ring").messages(2000).size(bytes(256)))
                .process(reader("readers").channel("ring").replicas(2))
                .expect("readers.received == 2 * writer.sent", "ring.lost == 0")
                .build();
    }

    public static void main(String[] args) {
        System.out.print(ScenarioWriter.toYaml(queue()));
        System.out.println("---");
        System.out.print(ScenarioWriter.toYaml(broadcast()));
    }
}
