package io.leadloop.qualification.scoring;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A corporate email domain (+10) says the lead speaks for a company; a free-mail one (-5, e.g. gmail.com) says
 * little. No email: nothing either way.
 */
final class EmailDomainRule implements ScoringRule {

    static final String ID = "fit.email-domain";
    private final Set<String> freeMailDomains;
    private final int corporatePoints;
    private final int freeMailPoints;

    EmailDomainRule(Set<String> freeMailDomains, DefinitionParameters.EmailDomain parameters) {
        this.corporatePoints = parameters.corporate();
        this.freeMailPoints = parameters.freeMail();
        this.freeMailDomains = freeMailDomains.stream()
                .map(domain -> domain.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleContribution evaluate(LeadProfile lead) {
        return lead.emailDomain()
                .map(domain -> freeMailDomains.contains(domain)
                        ? new RuleContribution(ID, freeMailPoints, "Free-mail address (" + domain + ")")
                        : new RuleContribution(ID, corporatePoints, "Corporate email domain (" + domain + ")"))
                .orElseGet(() -> new RuleContribution(ID, 0, "No email address"));
    }
}
