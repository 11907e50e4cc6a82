import static ipclab.dsl.Scenarios.*;

import ipclab.dsl.model.Scenario;
import ipclab.dsl.yaml.ScenarioWriter;

/**
 * Shared memory races without synchronisation: two incrementers on one counter, swept over
 * sync none, semaphore and atomic (scenarios/race.yaml), and the semaphore case alone with the
 * claim that no update is lost (scenarios/race-semaphore.yaml).
 */
public class Race {
    public static Scenario sweep() {
        return scenario("race")
                .description("Two incrementers, 20000 increments each, one shared counter, three kinds of sync.")
                .channel(shm("counter").size(kib(4)))
                .process(incrementer("adder").channel("counter").replicas(2).messages(20_000))
                .sweep("channels.counter.sync", NONE, SEMAPHORE, ATOMIC)
                .expect("counter.final <= counter.expected", "counter.expected == 40000")
                .build();
    }

    public static Scenario withSemaphore() {
        return scenario("race-semaphore")
                .description("The same counter with a System V semaphore around every increment: nothing lost.")
                .channel(shm("counter").size(kib(4)).sync(SEMAPHORE))
                .process(incrementer("adder").channel("counter").replicas(2).messages(20_000))
                .expect("counter.lostUpdates == 0", "counter.final == counter.expected", "adder.syscalls.semop >= 2 * 40000")
                .build();
    }

    public static void main(String[] args) {
        System.out.print(ScenarioWriter.toYaml(sweep()));
        System.out.println("---");
        System.out.print(ScenarioWriter.toYaml(withSemaphore()));
    }
}
