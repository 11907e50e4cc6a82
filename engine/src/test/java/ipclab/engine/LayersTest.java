package ipclab.engine;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages point one way, bottom up:
 *
 * <pre>
 *   trace      recorded runs: the trace file format and the numbered store of every run's trace
 *   schedule   which enabled process moves next (random, PCT, replay), the driver, exploration, rewind
 *   run        the supervisor (and the AOT training, a supervisor of in-process workers)
 *   worker     the worker process: WorkerMain, Control
 *   role       writer, reader, pinger, echo, incrementer
 *   transport  a planned channel's mechanism: create and remove (supervisor), open (worker)
 *   channel    ports, message header, accounting; channel.shm, .msgq, .stream: one per mechanism
 *   protocol   what supervisor and worker say to each other: Wire, specs, reports, the step gate
 *   inspect    reading /proc
 *   sys        the FFM bindings
 * </pre>
 *
 * A layer may use only the layers below it, and no two packages may depend on each other in a
 * ring, not even a package and its sub-package. Main classes only: tests may reach across.
 */
class LayersTest {
    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ipclab.engine");
    }

    @Test
    void layersPointDown() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("sys")
                .definedBy("ipclab.engine.sys..")
                .layer("inspect")
                .definedBy("ipclab.engine.inspect..")
                .layer("protocol")
                .definedBy("ipclab.engine.protocol..")
                .layer("channel")
                .definedBy("ipclab.engine.channel..")
                .layer("transport")
                .definedBy("ipclab.engine.transport..")
                .layer("role")
                .definedBy("ipclab.engine.role..")
                .layer("worker")
                .definedBy("ipclab.engine.worker..")
                .layer("run")
                .definedBy("ipclab.engine.run..")
                .layer("schedule")
                .definedBy("ipclab.engine.schedule..")
                .layer("trace")
                .definedBy("ipclab.engine.trace..")
                .whereLayer("trace")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("schedule")
                .mayOnlyBeAccessedByLayers("trace")
                .whereLayer("run")
                .mayOnlyBeAccessedByLayers("schedule", "trace")
                .whereLayer("worker")
                .mayOnlyBeAccessedByLayers("run")
                .whereLayer("role")
                .mayOnlyBeAccessedByLayers("worker", "run")
                .whereLayer("transport")
                .mayOnlyBeAccessedByLayers("role", "worker", "run")
                .whereLayer("channel")
                .mayOnlyBeAccessedByLayers("transport", "role", "worker", "run")
                .whereLayer("protocol")
                .mayOnlyBeAccessedByLayers("channel", "transport", "role", "worker", "run", "schedule", "trace")
                .whereLayer("inspect")
                .mayOnlyBeAccessedByLayers(
                        "protocol", "channel", "transport", "role", "worker", "run", "schedule", "trace")
                .check(engine);
    }

    @Test
    void noPackageCycles() {
        slices().matching("ipclab.engine.(**)").should().beFreeOfCycles().check(engine);
    }
}
