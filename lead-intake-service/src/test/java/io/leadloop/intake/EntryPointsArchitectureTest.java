package io.leadloop.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The batch and form entry points and the limits in front of them stay apart: each only feeds LeadIntake. */
@AnalyzeClasses(packages = "io.leadloop.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class EntryPointsArchitectureTest {

    @ArchTest
    static final ArchRule limitsKnowNoEntryPoint = noClasses().that().resideInAPackage("..intake.limits..")
            .should().dependOnClassesThat().resideInAnyPackage("..intake.forms..", "..intake.batch..",
                    "..intake.capture..", "..intake.publishing..");

    @ArchTest
    static final ArchRule formsKnowNothingOfBatches = noClasses().that().resideInAPackage("..intake.forms..")
            .should().dependOnClassesThat().resideInAPackage("..intake.batch..");

    @ArchTest
    static final ArchRule batchesKnowNothingOfForms = noClasses().that().resideInAPackage("..intake.batch..")
            .should().dependOnClassesThat().resideInAPackage("..intake.forms..");

    @ArchTest
    static final ArchRule entryPointsPublishOnlyThroughLeadIntake = noClasses()
            .that().resideInAnyPackage("..intake.forms..", "..intake.batch..")
            .should().dependOnClassesThat().haveSimpleName("LeadPublisher");
}
