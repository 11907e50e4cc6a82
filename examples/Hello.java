import static ipclab.dsl.Scenarios.*;

import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.yaml.ScenarioWriter;

/**
 * The smallest scenario, as scenarios/hello.yaml: one writer, one reader, a System V message queue.
 * Run it with {@code java -cp <ipclab classpath> examples/Hello.java}: it validates the scenario,
 * prints it as YAML and the processes the engine would start.
 */
public class Hello {
    public static Scenario scenario() {
        return Scenario.named("hello")
                .description("One writer sends 1000 messages of 64 bytes through a message queue; one reader receives them.")
                .channel(msgq("q"))
                .process(writer("producer").channel("q").messages(1000).size(bytes(64)))
                .process(reader("consumer").channel("q"))
                .expect("consumer.received == producer.sent", "consumer.received == 1000")
                .build();
    }

    public static void main(String[] args) throws Exception {
        Scenario s = scenario();
        System.out.print(ScenarioWriter.toYaml(s));
        ScenarioLoader.plan(s).plans().getFirst().processes().forEach(p -> System.out.println("# " + p.name() + ": " + p.role() + " on " + p.channel()));
    }
}
