package io.leadloop.feedback;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the business rules plain Java and the capabilities from reaching into each other. */
@AnalyzeClasses(packages = "io.leadloop.feedback", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "org.apache.avro..", "io.leadloop.events..",
                    "io.leadloop.schemas..", "tools.jackson..", "com.fasterxml..", "jakarta.servlet..")
            .because("domain logic is unit-tested without Spring or Kafka");

    @ArchTest
    static final ArchRule funnelDoesNotDependOnRecording = noClasses()
            .that().resideInAPackage("io.leadloop.feedback.funnel..")
            .should().dependOnClassesThat().resideInAPackage("io.leadloop.feedback.recording..")
            .because("the funnel only reads events; recording feedback asks the funnel, not the other way round");

    @ArchTest
    static final ArchRule domainsDoNotKnowEachOther = noClasses()
            .that().resideInAPackage("io.leadloop.feedback.recording.domain..")
            .should().dependOnClassesThat().resideInAPackage("io.leadloop.feedback.funnel..");

    @ArchTest
    static final ArchRule capabilitiesDoNotKnowTheWebLayer = noClasses()
            .that().resideInAnyPackage("io.leadloop.feedback.funnel..", "io.leadloop.feedback.recording..",
                    "io.leadloop.feedback.crm..")
            .should().dependOnClassesThat().resideInAPackage("io.leadloop.feedback.web..");

    @ArchTest
    static final ArchRule recordingDoesNotKnowTheCrms = noClasses()
            .that().resideInAnyPackage("io.leadloop.feedback.recording..", "io.leadloop.feedback.funnel..")
            .should().dependOnClassesThat().resideInAPackage("io.leadloop.feedback.crm..")
            .because("CRMs are adapters onto recording feedback, not the other way round");

    @ArchTest
    static final ArchRule crmsDoNotKnowEachOther = noClasses()
            .that().resideInAPackage("io.leadloop.feedback.crm.hubspot..")
            .should().dependOnClassesThat().resideInAPackage("io.leadloop.feedback.crm.salesforce..");
}
