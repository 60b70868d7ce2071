package io.leadloop.handoff.assignment;

import static io.leadloop.handoff.ScoredLeadMother.aScoredLead;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.leadloop.events.Consent;
import io.leadloop.events.HandoffWithheld;
import io.leadloop.events.LeadScored;
import io.leadloop.handoff.consent.SalesContactConsent;
import io.leadloop.handoff.routing.LeadRouter;
import io.leadloop.handoff.routing.Rep;
import io.leadloop.handoff.sla.BusinessCalendar;
import io.leadloop.handoff.sla.EscalationLadder;
import io.leadloop.handoff.sla.SlaPolicy;
import io.leadloop.handoff.sla.TeamCalendars;
import io.leadloop.testsupport.MutableClock;

/** Consent in handoff: an explicit "no" to sales contact is never handed off, and marketing is told why. */
class ConsentTopologyTest {

    private static final Instant AFTERNOON = Instant.parse("2026-03-02T15:00:00Z");

    @TempDir
    Path stateDir;

    private HandoffDriver topology;

    private HandoffDriver start(SalesContactConsent consent) {
        var calendars = new TeamCalendars(Map.of("inbound-emea", BusinessCalendar.officeHours(ZoneId.of("Europe/Berlin"))),
                BusinessCalendar.officeHours(ZoneOffset.UTC));
        var clock = new MutableClock(AFTERNOON);
        var rules = new HandoffRules(List.of(new Rep("rep-ana", "Ana Lima", "inbound-emea")), new LeadRouter(),
                SlaPolicy.defaults(calendars), EscalationLadder.defaults(), clock, Duration.ofSeconds(1), consent);
        topology = new HandoffDriver(rules, clock, stateDir);
        return topology;
    }

    @AfterEach
    void close() {
        if (topology != null) {
            topology.close();
        }
    }

    private static LeadScored hotMqlWithSalesContact(Boolean salesContact) {
        LeadScored lead = aScoredLead().mql().hot().build();
        lead.getLead().setConsent(Consent.newBuilder().setMarketing(true).setSalesContact(salesContact)
                .setVersion("privacy-2026-01").build());
        return lead;
    }

    @Test
    void neverHandsOffALeadWhoDeclinedSalesContactWhateverTheScore() {
        start(SalesContactConsent.UNKNOWN_ALLOWED);
        LeadScored lead = hotMqlWithSalesContact(false);

        topology.pipe(lead);

        assertThat(topology.handedOff.isEmpty()).isTrue();
        var record = topology.withheld.readRecord();
        HandoffWithheld withheld = record.value();
        assertThat(record.key()).isEqualTo(lead.getLeadId());
        assertThat(withheld.getReason()).isEqualTo(SalesContactConsent.DECLINED);
        assertThat(withheld.getExplanation()).contains("declined contact by sales");
        assertThat(withheld.getScore()).isEqualTo(lead.getScore());
        assertThat(withheld.getPriority()).isEqualTo(lead.getPriority());
        assertThat(withheld.getConsentVersion()).isEqualTo("privacy-2026-01");
        assertThat(withheld.getCampaignId()).isEqualTo(lead.getLead().getSource().getCampaignId());
        assertThat(topology.withheld.isEmpty()).isTrue();
    }

    @Test
    void aRedeliveredScoreIsWithheldUnderTheSameEventId() {
        start(SalesContactConsent.UNKNOWN_ALLOWED);
        LeadScored lead = hotMqlWithSalesContact(false);

        topology.pipe(lead);
        topology.pipe(lead);

        var events = topology.withheld.readValuesToList();
        assertThat(events).hasSize(2);
        assertThat(events.get(0).getEventId()).isEqualTo(events.get(1).getEventId());
    }

    @Test
    void handsOffALeadWhoseConsentIsUnknownByDefault() {
        start(SalesContactConsent.UNKNOWN_ALLOWED);

        topology.pipe(hotMqlWithSalesContact(null));

        assertThat(topology.handedOff.readValue().getOwnerRepId()).isEqualTo("rep-ana");
        assertThat(topology.withheld.isEmpty()).isTrue();
    }

    @Test
    void withholdsUnknownConsentWhereOptInIsRequired() {
        start(new SalesContactConsent(true));

        topology.pipe(hotMqlWithSalesContact(null));

        assertThat(topology.handedOff.isEmpty()).isTrue();
        assertThat(topology.withheld.readValue().getReason()).isEqualTo(SalesContactConsent.MISSING);
    }

    @Test
    void handsOffALeadWhoAgreedEvenWhereOptInIsRequired() {
        start(new SalesContactConsent(true));

        topology.pipe(hotMqlWithSalesContact(true));

        assertThat(topology.handedOff.readValue().getOwnerRepId()).isEqualTo("rep-ana");
        assertThat(topology.withheld.isEmpty()).isTrue();
    }
}
