package io.leadloop.qualification.scoring;

import static io.leadloop.qualification.scoring.LeadProfileBuilder.aLead;
import static io.leadloop.qualification.scoring.LeadProfileBuilder.anAcmeVpWhoAskedForADemo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BuiltinLeadDefinitionTest {

    private final LeadDefinition definition = BuiltinLeadDefinition.create("builtin-1", ScoringThresholds.DEFAULT,
            BuiltinLeadDefinition.DEFAULT_FREE_MAIL_DOMAINS);

    @Test
    void qualifiesTheVpOfAMidSizeSoftwareCompanyWhoAskedForADemoAsHotMql() {
        LeadScore score = definition.score(anAcmeVpWhoAskedForADemo().build());

        assertThat(score.stage()).isEqualTo(QualificationStage.MQL);
        assertThat(score.priority()).isEqualTo(PriorityTier.HOT);
        assertThat(score.score()).isEqualTo(90);
        assertThat(score.definitionVersion()).isEqualTo("builtin-1");
        assertThat(score.reasons()).extracting(RuleContribution::rule, RuleContribution::points).containsExactly(
                tuple("fit.job-title", 20),
                tuple("fit.company-size", 15),
                tuple("fit.email-domain", 10),
                tuple("fit.firmographics", 5),
                tuple("engagement.visits", 10),
                tuple("engagement.time-on-site", 10),
                tuple("engagement.page-views", 5),
                tuple("engagement.high-intent-form", 15));
    }

    @Test
    void explainsEveryRuleEvenWhenNothingIsKnownAboutTheLead() {
        LeadScore score = definition.score(aLead().build());

        assertThat(score.score()).isZero();
        assertThat(score.stage()).isEqualTo(QualificationStage.NOT_QUALIFIED);
        assertThat(score.priority()).isEqualTo(PriorityTier.COLD);
        assertThat(score.reasons()).hasSize(8).allSatisfy(reason -> {
            assertThat(reason.points()).isZero();
            assertThat(reason.explanation()).isNotBlank();
        });
    }

    @Test
    void reasonsAlwaysAddUpToTheScore() {
        LeadScore score = definition.score(aLead().email("joe@gmail.com").jobTitle("Sales Manager").employees(12)
                .engagement(1, 400, 2).formId("newsletter").build());

        assertThat(score.reasons().stream().mapToInt(RuleContribution::points).sum()).isEqualTo(score.score());
        assertThat(score.score()).isEqualTo(10 + 5 - 5 + 10);
    }

    @Test
    void disqualifiesALeadWhoDeclinedMarketingAndDidNotAgreeToSalesContact() {
        LeadScore score = definition.score(anAcmeVpWhoAskedForADemo().marketingConsent(false).build());

        assertThat(score.stage()).isEqualTo(QualificationStage.DISQUALIFIED);
        assertThat(score.priority()).isEqualTo(PriorityTier.COLD);
        assertThat(score.score()).as("the score is kept for the record").isEqualTo(90);
        assertThat(score.reasons()).last().extracting(RuleContribution::rule).isEqualTo("disqualifier.no-consent");
    }

    @Test
    void keepsALeadWhoDeclinedMarketingButAskedToBeContactedBySales() {
        LeadScore score = definition.score(anAcmeVpWhoAskedForADemo().marketingConsent(false)
                .salesContactConsent(true).build());

        assertThat(score.stage()).isEqualTo(QualificationStage.MQL);
    }

    @Test
    void treatsUnknownConsentAsNoRefusal() {
        LeadScore score = definition.score(anAcmeVpWhoAskedForADemo().marketingConsent(null).build());

        assertThat(score.stage()).isEqualTo(QualificationStage.MQL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Student", "Marketing Intern", "Job Seeker", "jobseeker", "Looking for a job", "Unemployed"})
    void disqualifiesStudentsAndJobSeekers(String jobTitle) {
        LeadScore score = definition.score(anAcmeVpWhoAskedForADemo().jobTitle(jobTitle).build());

        assertThat(score.stage()).isEqualTo(QualificationStage.DISQUALIFIED);
        assertThat(score.reasons()).extracting(RuleContribution::rule).contains("disqualifier.student-or-job-seeker");
    }

    @Test
    void doesNotMistakeAnInternationalDirectorForAnIntern() {
        LeadScore score = definition.score(anAcmeVpWhoAskedForADemo().jobTitle("International Sales Director").build());

        assertThat(score.stage()).isEqualTo(QualificationStage.MQL);
        assertThat(score.reasons().getFirst().points()).isEqualTo(20);
    }

    @ParameterizedTest
    @CsvSource({"CEO, 20", "Chief Revenue Officer, 20", "Head of Growth, 20", "Managing Director, 20",
            "Vice President Sales, 20", "Co-Founder, 20", "Marketing Manager, 10", "Software Engineer, 0"})
    void ranksDecisionMakersAboveManagersAboveEveryoneElse(String jobTitle, int points) {
        LeadScore score = definition.score(aLead().jobTitle(jobTitle).build());

        assertThat(score.reasons().getFirst()).extracting(RuleContribution::rule, RuleContribution::points)
                .containsExactly("fit.job-title", points);
    }

    @ParameterizedTest
    @CsvSource({"5000, 20", "1000, 20", "999, 15", "50, 15", "49, 5", "10, 5", "9, 0"})
    void scoresCompanySizeInSteps(int employees, int points) {
        LeadScore score = definition.score(aLead().employees(employees).build());

        assertThat(score.reasons().get(1)).extracting(RuleContribution::rule, RuleContribution::points)
                .containsExactly("fit.company-size", points);
    }

    @Test
    void penalisesFreeMailAddresses() {
        LeadScore score = definition.score(aLead().email("Ana.Silva@GMAIL.com").build());

        assertThat(score.reasons().get(2)).extracting(RuleContribution::rule, RuleContribution::points)
                .containsExactly("fit.email-domain", -5);
    }

    @Test
    void marksAQualifiedLeadBelowTheHotLineWarm() {
        // 20 title + 15 size + 10 domain + 5 firmographics = 50: exactly on the MQL and WARM lines
        LeadScore score = definition.score(anAcmeVpWhoAskedForADemo().formId(null).engagement(1, 60, 1).build());

        assertThat(score.score()).isEqualTo(50);
        assertThat(score.stage()).isEqualTo(QualificationStage.MQL);
        assertThat(score.priority()).isEqualTo(PriorityTier.WARM);
    }

    @Test
    void movesTheMqlLineWhereTheThresholdsSay() {
        LeadDefinition strict = BuiltinLeadDefinition.create("strict-1", new ScoringThresholds(95, 95, 80),
                BuiltinLeadDefinition.DEFAULT_FREE_MAIL_DOMAINS);

        LeadScore score = strict.score(anAcmeVpWhoAskedForADemo().build());

        assertThat(score.stage()).isEqualTo(QualificationStage.NOT_QUALIFIED);
        assertThat(score.priority()).isEqualTo(PriorityTier.WARM);
        assertThat(score.definitionVersion()).isEqualTo("strict-1");
    }

    @Test
    void takesPointsThresholdsTiersAndDisqualifierSwitchesFromTheDefinitionParameters() {
        DefinitionParameters.Rules builtin = DefinitionParameters.BUILTIN.rules();
        var parameters = new DefinitionParameters(60, new DefinitionParameters.Priority(100, 60),
                new DefinitionParameters.Rules(new DefinitionParameters.JobTitle(30, 10),
                        java.util.List.of(new DefinitionParameters.SizeTier(200, 25)),
                        builtin.emailDomain(), builtin.firmographics(),
                        new DefinitionParameters.Threshold(2, 12), builtin.timeOnSite(), builtin.pageViews(),
                        builtin.highIntentForm()),
                new DefinitionParameters.Disqualifiers(false, true));
        LeadDefinition custom = BuiltinLeadDefinition.create("custom-1", parameters,
                BuiltinLeadDefinition.DEFAULT_FREE_MAIL_DOMAINS);

        LeadScore score = custom.score(anAcmeVpWhoAskedForADemo().marketingConsent(false).salesContactConsent(false).build());

        assertThat(score.reasons()).extracting(RuleContribution::rule, RuleContribution::points).containsExactly(
                tuple("fit.job-title", 30),
                tuple("fit.company-size", 25),
                tuple("fit.email-domain", 10),
                tuple("fit.firmographics", 5),
                tuple("engagement.visits", 12),
                tuple("engagement.time-on-site", 10),
                tuple("engagement.page-views", 5),
                tuple("engagement.high-intent-form", 15));
        assertThat(score.stage()).as("no-consent disqualifier switched off").isEqualTo(QualificationStage.MQL);
        assertThat(score.priority()).isEqualTo(PriorityTier.HOT);
        assertThat(score.definitionVersion()).isEqualTo("custom-1");
    }

    @Test
    void refusesAHotLineBelowTheWarmLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ScoringThresholds(50, 40, 60));
    }
}
