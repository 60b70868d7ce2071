package io.leadloop.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the lead rules plain Java, and the capabilities from reaching into each other. */
@AnalyzeClasses(packages = "io.leadloop.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule leadRulesKnowNoFrameworks = noClasses().that().resideInAPackage("..intake.lead..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule leadRulesKnowNothingOfHttpOrPublishing = noClasses().that().resideInAPackage("..intake.lead..")
            .should().dependOnClassesThat().resideInAnyPackage("..intake.api..", "..intake.publishing..");

    @ArchTest
    static final ArchRule publishingKnowsNothingOfHttp = noClasses().that().resideInAPackage("..intake.publishing..")
            .should().dependOnClassesThat().resideInAPackage("..intake.api..");
}
