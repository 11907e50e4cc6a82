package ipclab.repl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The repl module's packages point one way, from the top down:
 *
 * <pre>
 *   ipclab.repl          Main: the process entry point
 *   ipclab.repl.shell    the interactive REPL
 *   ipclab.repl.cli      the command line (picocli commands)
 *   ipclab.repl.app      the application layer both fronts call (Lab)
 *   ipclab.repl.compare  a comparison's verdicts and its report folder (JSON, Markdown, charts, HTML)
 *   ipclab.repl.report   tables and units for people, from the typed reports
 * </pre>
 *
 * A package may use those below it, never those above, and no two packages may depend on each
 * other in a cycle. Only the application layer drives the engine (starts runs, cleans): the
 * fronts see it through the reports.
 */
class LayersTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ipclab.repl");

    @Test
    void layersPointDown() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("main")
                .definedBy("ipclab.repl")
                .layer("shell")
                .definedBy("ipclab.repl.shell..")
                .layer("cli")
                .definedBy("ipclab.repl.cli..")
                .layer("app")
                .definedBy("ipclab.repl.app..")
                .layer("compare")
                .definedBy("ipclab.repl.compare..")
                .layer("report")
                .definedBy("ipclab.repl.report..")
                .whereLayer("main")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("shell")
                .mayOnlyBeAccessedByLayers("main")
                .whereLayer("cli")
                .mayOnlyBeAccessedByLayers("main", "shell")
                .whereLayer("app")
                .mayOnlyBeAccessedByLayers("main", "shell", "cli")
                .whereLayer("compare")
                .mayOnlyBeAccessedByLayers("main", "shell", "cli", "app")
                .whereLayer("report")
                .mayOnlyBeAccessedByLayers("main", "shell", "cli", "app", "compare")
                .check(MAIN);
    }

    @Test
    void noPackageCycle() {
        slices().matching("ipclab.repl.(**)").should().beFreeOfCycles().check(MAIN);
    }

    /** Runs and clean-ups are started in one place, so an engine API change touches one class. */
    @Test
    void onlyTheApplicationLayerDrivesTheEngine() {
        Set<String> drivers = Set.of("Engine", "Cleaner", "RunOptions", "RunListener");
        DescribedPredicate<JavaClass> engineDrivers = DescribedPredicate.describe(
                "the engine's " + drivers,
                c -> c.getPackageName().startsWith("ipclab.engine") && drivers.contains(c.getSimpleName()));
        noClasses()
                .that()
                .resideOutsideOfPackage("ipclab.repl.app..")
                .should()
                .dependOnClassesThat(engineDrivers)
                .check(MAIN);
    }
}
