package io.leadloop.qualification.scoring;

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

    public static LeadDefinition create(String version, ScoringThresholds thresholds, Set<String> freeMailDomains) {
        return new LeadDefinition(version,
                List.of(
                        new JobTitleSeniorityRule(),
                        new CompanySizeRule(),
                        new EmailDomainRule(freeMailDomains),
                        new FirmographicsKnownRule(),
                        EngagementThresholdRule.visits(),
                        EngagementThresholdRule.timeOnSite(),
                        EngagementThresholdRule.pageViews(),
                        new HighIntentFormRule()),
                List.of(new NoConsentDisqualifier(), new NonBuyerTitleDisqualifier()),
                thresholds);
    }
}
