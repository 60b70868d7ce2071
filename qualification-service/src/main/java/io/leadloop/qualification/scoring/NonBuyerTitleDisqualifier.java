package io.leadloop.qualification.scoring;

import java.util.Optional;
import java.util.regex.Pattern;

/** Students, interns and job seekers fill in our forms too, but they do not buy: sales should not chase them. */
final class NonBuyerTitleDisqualifier implements Disqualifier {

    static final String ID = "disqualifier.student-or-job-seeker";

    private static final Pattern NON_BUYER = Pattern.compile(
            "\\b(student|intern|internship|job[ -]?seeker|looking for (a )?(job|work)|unemployed)\\b");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<RuleContribution> disqualifies(LeadProfile lead) {
        return lead.normalisedJobTitle()
                .filter(title -> NON_BUYER.matcher(title).find())
                .map(title -> new RuleContribution(ID, 0,
                        "Student or job seeker, not a buyer: \"" + lead.jobTitle() + "\""));
    }
}
