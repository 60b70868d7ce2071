package io.leadloop.feedback.crm.salesforce.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.leadloop.feedback.ReferencePayloads;
import io.leadloop.feedback.recording.domain.Outcome;

class OutboundMessageTest {

    private static final String REAL = "salesforce-outbound-message-opportunity.xml";

    private final OpportunityOutcomes outcomes = new OpportunityOutcomes(
            Map.of("Closed Won", Outcome.WON, "Closed Lost", Outcome.LOST), "LeadLoop_Lead_Id__c", "USD");

    @Test
    void readsTheRealOutboundMessage() {
        OutboundMessage message = OutboundMessage.parse(ReferencePayloads.bytes(REAL));

        assertThat(message.organizationId()).isEqualTo("00D7F00000107XsUAI");
        assertThat(message.actionId()).isEqualTo("04k7F0000008V3hQAE");
        assertThat(message.notifications()).singleElement().satisfies(notification -> {
            assertThat(notification.id()).isEqualTo("04l7F000008aeAyQAI");
            assertThat(notification.sObjectType()).isEqualTo("sf:Opportunity");
            assertThat(notification.fields()).containsEntry("StageName", "Perception Analysis")
                    .containsEntry("Amount", "120000.0").containsEntry("Id", "0067F000003pmdWQAQ");
        });
    }

    @Test
    void skipsAStageThatIsNotAnOutcome() {
        OutboundMessage message = OutboundMessage.parse(ReferencePayloads.bytes(REAL));

        assertThat(outcomes.read(message.notifications().getFirst()).skipped())
                .isEqualTo("stage Perception Analysis is not mapped to an outcome");
    }

    @Test
    void mapsAClosedWonOpportunityWithLeadIdAmountAndLastModifiedDate() {
        String closedWon = ReferencePayloads.text(REAL)
                .replace("<sf:StageName>Perception Analysis</sf:StageName>",
                        "<sf:StageName>Closed Won</sf:StageName><sf:LastModifiedDate>2026-11-20T09:30:00.000Z"
                                + "</sf:LastModifiedDate><sf:LeadLoop_Lead_Id__c>lead-42</sf:LeadLoop_Lead_Id__c>");

        var reading = outcomes.read(OutboundMessage.parse(closedWon.getBytes(StandardCharsets.UTF_8))
                .notifications().getFirst());

        assertThat(reading.leadId()).isEqualTo("lead-42");
        assertThat(reading.form().outcome()).isEqualTo("WON");
        assertThat(reading.form().amount()).isEqualByComparingTo(new BigDecimal("120000"));
        assertThat(reading.form().currency()).isEqualTo("USD");
        assertThat(reading.form().occurredAt()).isEqualTo("2026-11-20T09:30:00Z");
    }

    @Test
    void skipsAClosedOpportunityWithoutLeadId() {
        String closedLost = ReferencePayloads.text(REAL).replace("Perception Analysis", "Closed Lost");

        assertThat(outcomes.read(OutboundMessage.parse(closedLost.getBytes(StandardCharsets.UTF_8))
                .notifications().getFirst()).skipped()).contains("no LeadLoop_Lead_Id__c");
    }

    @Test
    void refusesAnExternalEntity(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top-secret");
        String real = ReferencePayloads.text(REAL);
        String xxe = real.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE soapenv:Envelope [<!ENTITY xxe SYSTEM \""
                        + secret.toUri() + "\">]>")
                .replace("<OrganizationId>00D7F00000107XsUAI</OrganizationId>", "<OrganizationId>&xxe;</OrganizationId>");

        assertThatThrownBy(() -> OutboundMessage.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedOutboundMessage.class).hasMessageContaining("DTD")
                .hasMessageNotContaining("top-secret");
    }

    @Test
    void refusesXmlThatIsNotAnOutboundMessage() {
        assertThatThrownBy(() -> OutboundMessage.parse("<a/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedOutboundMessage.class);
        assertThatThrownBy(() -> OutboundMessage.parse("not xml".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedOutboundMessage.class);
    }
}
