import static ipclab.dsl.Scenarios.*;

import ipclab.dsl.model.Scenario;
import ipclab.dsl.yaml.ScenarioWriter;

/**
 * Message passing costs a system call per send and per receive; shared memory with spinning costs
 * none per message. As scenarios/syscalls-per-message.yaml.
 */
public class SyscallsPerMessage {
    public static Scenario scenario() {
        return Scenario.named("syscalls-per-message")
                .description("A msgq pair and an shm-spin pair side by side; compare syscallsPerMessage.")
                .channel(msgq("q"))
                .channel(shm("ring").size(kib(64)).slots(16).sync(SPIN))
                .process(writer("mq-writer").channel("q").messages(5000).size(bytes(64)))
                .process(reader("mq-reader").channel("q"))
                .process(writer("shm-writer").channel("ring").messages(5000).size(bytes(64)))
                .process(reader("shm-reader").channel("ring"))
                .expect("mq-reader.received == mq-writer.sent",
                        "shm-reader.received == shm-writer.sent",
                        "mq-writer.syscalls.msgsnd >= mq-writer.sent",
                        "mq-reader.syscalls.msgrcv >= mq-reader.received",
                        "ring.syscallsPerMessage < 0.1")
                .build();
    }

    public static void main(String[] args) { System.out.print(ScenarioWriter.toYaml(scenario())); }
}
