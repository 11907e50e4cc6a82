package ipclab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AOT cache's training, as {@link WorkerCommand#startTraining} runs it but without writing a
 * cache (the test class path has directories): {@link TrainingDriver} in this JVM drives the workers
 * of a {@link Training} JVM over its stdin and stdout, and every training scenario ends "ok". A
 * training that fails is skipped silently in real use (the cache is an optimisation), so this is
 * where a broken one shows. Every object a scenario makes, the driver removes (LeakGuard checks).
 */
class TrainingTest {

    @Test
    void everyScenarioRunsInTheTrainingJvm() throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(WorkerCommand.FLAGS);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), WorkerCommand.TRAINING_MAIN));
        TrainingDriver.Result r = TrainingDriver.drive(cmd);
        assertEquals(0, r.status(), "the training JVM's exit status");
        assertEquals(8, r.outcomes().size(), r.outcomes().toString());
        for (Map.Entry<String, String> e : r.outcomes().entrySet()) assertEquals("ok", e.getValue(), e.getKey());
    }
}
