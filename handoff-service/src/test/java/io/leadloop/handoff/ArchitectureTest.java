package io.leadloop.handoff;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the business rules plain Java and the capabilities from tangling. */
@AnalyzeClasses(packages = "io.leadloop.handoff", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule routingAndSlaRulesAreFreeOfSpringAndKafka = noClasses()
            .that().resideInAnyPackage("..handoff.routing..", "..handoff.sla..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "io.leadloop.schemas..", "tools.jackson..", "com.fasterxml.jackson..")
            .because("routing and SLA rules are the domain: plain Java, unit-tested without Spring or a broker");

    @ArchTest
    static final ArchRule routingAndSlaDoNotKnowEachOther = noClasses()
            .that().resideInAPackage("..handoff.routing..")
            .should().dependOnClassesThat().resideInAPackage("..handoff.sla..");

    @ArchTest
    static final ArchRule slaDoesNotKnowRouting = noClasses()
            .that().resideInAPackage("..handoff.sla..")
            .should().dependOnClassesThat().resideInAPackage("..handoff.routing..");

    @ArchTest
    static final ArchRule onlyTheWebLayerHandlesHttp = noClasses()
            .that().resideOutsideOfPackages("..handoff.web..", "..handoff.access..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..");

    @ArchTest
    static final ArchRule capabilitiesAreFreeOfCycles = slices().matching("io.leadloop.handoff.(*)..").should()
            .beFreeOfCycles();
}
