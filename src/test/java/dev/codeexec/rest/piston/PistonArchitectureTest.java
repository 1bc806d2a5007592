package dev.codeexec.rest.piston;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Piston's and Judge0's APIs are translations onto ExecutionService: never a second way to run a program. */
class PistonArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.codeexec");

    @Test
    void runsOnlyThroughExecutionService() {
        noClasses().that().resideInAnyPackage("dev.codeexec.rest.piston..", "dev.codeexec.rest.judge0..")
                .should().dependOnClassesThat(resideInAPackage("dev.codeexec.sandbox..").and(not(simpleName("RunControl")))
                        .or(simpleName("RunSlots")).or(simpleName("PlanRunner")).or(simpleName("RunResource")))
                .check(classes);
    }
}
