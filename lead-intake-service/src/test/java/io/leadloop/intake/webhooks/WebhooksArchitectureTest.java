package io.leadloop.intake.webhooks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Each platform's adapter stands alone on the shared webhook plumbing, and none reaches into our own API. */
@AnalyzeClasses(packages = "io.leadloop.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class WebhooksArchitectureTest {

    @ArchTest
    static final ArchRule platformsDoNotKnowEachOther = slices().matching("..intake.webhooks.(*)..")
            .should().notDependOnEachOther()
            .because("each platform's rules change on their own");

    @ArchTest
    static final ArchRule webhooksKnowNothingOfOurApi = noClasses().that().resideInAPackage("..intake.webhooks..")
            .should().dependOnClassesThat().resideInAPackage("..intake.api..");

    @ArchTest
    static final ArchRule sharedPlumbingKnowsNoPlatform = noClasses().that().resideInAPackage("io.leadloop.intake.webhooks")
            .should().dependOnClassesThat().resideInAnyPackage("..intake.webhooks.googleads..",
                    "..intake.webhooks.typeform..", "..intake.webhooks.hubspot..");
}
