package ipclab.dsl;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The dsl's packages point one way: the model at the bottom, the claim language beside it, YAML
 * and planning above (and unaware of each other), the facade ({@code ipclab.dsl}) on top. A
 * back-pointing import or a cycle fails here, naming the class and the dependency.
 */
class LayeringTest {
    static final JavaClasses DSL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ipclab.dsl");

    @Test
    void noPackageCycles() {
        slices().matching("ipclab.(**)").should().beFreeOfCycles().check(DSL);
    }

    @Test
    void layersPointDown() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("facade")
                .definedBy("ipclab.dsl")
                .layer("yaml")
                .definedBy("ipclab.dsl.yaml..")
                .layer("plan")
                .definedBy("ipclab.dsl.plan..")
                .layer("claims")
                .definedBy("ipclab.dsl.expect..")
                .layer("verdict")
                .definedBy("ipclab.dsl.verdict..")
                .layer("model")
                .definedBy("ipclab.dsl.model..")
                .whereLayer("facade")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("yaml")
                .mayOnlyBeAccessedByLayers("facade")
                .whereLayer("plan")
                .mayOnlyBeAccessedByLayers("facade")
                .whereLayer("claims")
                .mayOnlyBeAccessedByLayers("verdict", "plan", "facade")
                .whereLayer("verdict")
                .mayOnlyBeAccessedByLayers("plan", "facade")
                .whereLayer("model")
                .mayOnlyBeAccessedByLayers("claims", "verdict", "yaml", "plan", "facade")
                .check(DSL);
    }
}
