package io.leadloop.qualification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the business capabilities plain Java and the layers pointing one way: web → streams → domain. */
@AnalyzeClasses(packages = "io.leadloop.qualification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOMAIN = {"..qualification.scoring..", "..qualification.learning.."};

    @ArchTest
    static final ArchRule domainKnowsNothingOfSpringKafkaOrTheWireFormat = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "org.apache.avro..", "io.leadloop.events..",
                    "io.leadloop.schemas..", "tools.jackson..", "com.fasterxml.jackson..", "io.micrometer..")
            .because("scoring and learning are plain Java, unit-tested without Spring or Kafka");

    @ArchTest
    static final ArchRule definitionsAreDocumentsNotAdapters = noClasses()
            .that().resideInAPackage("..qualification.definitions..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "org.apache.avro..", "io.leadloop.events..",
                    "io.leadloop.schemas..", "..qualification.streams..", "..qualification.web..")
            .because("a definition document and its approval rule are unit-tested without Spring or Kafka");

    @ArchTest
    static final ArchRule domainDoesNotReachIntoAdapters = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("..qualification.streams..", "..qualification.web..");

    @ArchTest
    static final ArchRule scoringAndLearningStayApart = noClasses()
            .that().resideInAPackage("..qualification.scoring..")
            .should().dependOnClassesThat().resideInAPackage("..qualification.learning..");

    @ArchTest
    static final ArchRule streamsDoNotKnowTheHttpApi = noClasses()
            .that().resideInAPackage("..qualification.streams..")
            .should().dependOnClassesThat().resideInAPackage("..qualification.web..");

    @ArchTest
    static final ArchRule httpApiReadsStoresOnlyThroughQualificationStores = noClasses()
            .that().resideInAPackage("..qualification.web..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..")
            .because("the web layer asks QualificationStores, which owns the interactive queries");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that().resideInAPackage("..qualification.web..")
            .should().notBePublic();
}
