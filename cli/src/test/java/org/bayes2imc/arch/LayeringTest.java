package org.bayes2imc.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layering of README "Architecture", checked on the compiled classes of every module: domains form no
 * cycle, PyTorch (DJL) stays in train, and the core domains know nothing of the modules above them.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // test classes come as test-classes folders or, in a full `verify`, as core's *-tests.jar: both left out
        ImportOption mainOnly = location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");
        classes = new ClassFileImporter().withImportOption(mainOnly).importPackages("org.bayes2imc");
    }

    @Test
    void domainPackagesFormNoCycle() {
        slices().matching("org.bayes2imc.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void pytorchOnlyInTrain() {
        noClasses().that().resideOutsideOfPackage("org.bayes2imc.train..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..").check(classes);
    }

    @Test
    void coreKnowsNothingOfTheModulesAboveIt() {
        noClasses().that().resideInAnyPackage("org.bayes2imc.data..", "org.bayes2imc.model..", "org.bayes2imc.device..",
                        "org.bayes2imc.imc..", "org.bayes2imc.correct..", "org.bayes2imc.sparsity..", "org.bayes2imc.hardware..",
                        "org.bayes2imc.metrics..", "org.bayes2imc.infer..", "org.bayes2imc.io..", "org.bayes2imc.random..", "org.bayes2imc.study..",
                        "org.bayes2imc.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bayes2imc.train..", "org.bayes2imc.report..",
                        "org.bayes2imc.cli..")
                .check(classes);
    }

    @Test
    void reportKnowsNothingOfTrainingOrTheCommandLine() {
        noClasses().that().resideInAPackage("org.bayes2imc.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bayes2imc.train..", "org.bayes2imc.cli..")
                .check(classes);
    }
}
