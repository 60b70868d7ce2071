package io.leadloop.qualification;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.leadloop.qualification.scoring.BuiltinLeadDefinition;
import io.leadloop.qualification.scoring.LeadDefinition;
import io.leadloop.qualification.scoring.ScoringThresholds;

/**
 * Qualification's own settings ({@code leadloop.qualification.*}).
 *
 * @param scoring the built-in lead definition's version, score lines and free-mail domains
 */
@ConfigurationProperties("leadloop.qualification")
public record QualificationProperties(@DefaultValue Scoring scoring) {

    /**
     * @param definitionVersion the version every score names; change it when you change the lines below, so
     *        scores made under different lines can be told apart
     * @param mqlThreshold a lead with at least this score is an MQL
     * @param hotThreshold at least this score is HOT
     * @param warmThreshold at least this score (below HOT) is WARM, else COLD
     * @param freeMailDomains email domains that say nothing about a company; empty means the built-in list
     */
    public record Scoring(
            @DefaultValue("builtin-1") String definitionVersion,
            @DefaultValue("50") int mqlThreshold,
            @DefaultValue("75") int hotThreshold,
            @DefaultValue("50") int warmThreshold,
            Set<String> freeMailDomains) {

        public Scoring {
            freeMailDomains = freeMailDomains == null || freeMailDomains.isEmpty()
                    ? BuiltinLeadDefinition.DEFAULT_FREE_MAIL_DOMAINS
                    : Set.copyOf(freeMailDomains);
        }

        /** The lead definition these settings describe; fails at startup if the lines contradict each other. */
        public LeadDefinition toLeadDefinition() {
            return BuiltinLeadDefinition.create(definitionVersion,
                    new ScoringThresholds(mqlThreshold, hotThreshold, warmThreshold), freeMailDomains);
        }
    }
}
