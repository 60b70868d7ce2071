package io.leadloop.qualification.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The lead definition the service ships with, until marketing and sales approve their own: the rules documented in
 * the module's README (fit: job title, company size, email domain, firmographics; engagement: visits, time on site,
 * page views, high-intent form; disqualifiers: no consent, students and job seekers).
 */
public final class BuiltinLeadDefinition {

    /** Free-mail domains when configuration names none. */
    public static final Set<String> DEFAULT_FREE_MAIL_DOMAINS = Set.of(
            "gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "msn.com",
            "aol.com", "icloud.com", "me.com", "gmx.de", "gmx.net", "web.de", "mail.ru", "yandex.ru",
            "proton.me", "protonmail.com", "qq.com", "163.com");

    private BuiltinLeadDefinition() {
    }

    /** The built-in parameters with the given score lines. */
    public static LeadDefinition create(String version, ScoringThresholds thresholds, Set<String> freeMailDomains) {
        return create(version, DefinitionParameters.BUILTIN.withThresholds(thresholds), freeMailDomains);
    }

    /** The built-in rules with the parameters of an approved definition version. */
    public static LeadDefinition create(String version, DefinitionParameters parameters, Set<String> freeMailDomains) {
        DefinitionParameters.Rules rules = parameters.rules();
        List<Disqualifier> disqualifiers = new ArrayList<>();
        if (parameters.disqualifiers().noConsent()) {
            disqualifiers.add(new NoConsentDisqualifier());
        }
        if (parameters.disqualifiers().studentOrJobSeeker()) {
            disqualifiers.add(new NonBuyerTitleDisqualifier());
        }
        return new LeadDefinition(version,
                List.of(
                        new JobTitleSeniorityRule(rules.jobTitle()),
                        new CompanySizeRule(rules.companySize()),
                        new EmailDomainRule(freeMailDomains, rules.emailDomain()),
                        new FirmographicsKnownRule(rules.firmographics()),
                        EngagementThresholdRule.visits(rules.visits()),
                        EngagementThresholdRule.timeOnSite(rules.timeOnSite()),
                        EngagementThresholdRule.pageViews(rules.pageViews()),
                        new HighIntentFormRule(rules.highIntentForm())),
                disqualifiers,
                parameters.thresholds());
    }
}
