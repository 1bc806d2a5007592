package dev.codeexec;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Holds the design's line: only sandbox.docker knows Docker; data flows resource → service → sandbox. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.codeexec");

    @Test
    void onlySandboxDockerImportsDockerJava() {
        noClasses().that().resideOutsideOfPackage("dev.codeexec.sandbox.docker..")
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
                .check(classes);
    }

    @Test
    void sandboxDoesNotKnowTheLayersAboveIt() {
        noClasses().that().resideInAPackage("dev.codeexec.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.codeexec.rest..", "dev.codeexec.execution..", "dev.codeexec.language..")
                .check(classes);
    }

    @Test
    void executionDoesNotKnowRest() {
        noClasses().that().resideInAPackage("dev.codeexec.execution..")
                .should().dependOnClassesThat().resideInAPackage("dev.codeexec.rest..")
                .check(classes);
    }
}
