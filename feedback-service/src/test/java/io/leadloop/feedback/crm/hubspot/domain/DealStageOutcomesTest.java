package io.leadloop.feedback.crm.hubspot.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.leadloop.feedback.ReferencePayloads;
import io.leadloop.feedback.recording.domain.Outcome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DealStageOutcomesTest {

    /** The opaque custom-pipeline stage id of the real deal-stage change. */
    private static final String CUSTOM_WON_STAGE = "1f4f1ec1-8174-49f3-a112-4eaa4748e38e";

    private final DealStageOutcomes outcomes = new DealStageOutcomes(
            Map.of(CUSTOM_WON_STAGE, Outcome.WON, "closedlost", Outcome.LOST), "leadloop_lead_id");

    @Test
    void mapsTheRealDealStageChangeToTheOutcomeOfTheLinkedLead() {
        HubSpotEvent stageChange = event(ReferencePayloads.text("hubspot-webhook-deal-stage-change.json"));

        var reading = outcomes.read(List.of(stageChange), deal -> deal == 697680835L ? Optional.of("lead-1")
                : Optional.empty());

        assertThat(reading.changes()).singleElement().satisfies(change -> {
            assertThat(change.leadId()).isEqualTo("lead-1");
            assertThat(change.outcome()).isEqualTo(Outcome.WON);
            assertThat(change.occurredAt()).isEqualTo(Instant.ofEpochMilli(1556094637139L));
        });
        assertThat(reading.skipped()).isEmpty();
    }

    @Test
    void linksADealFromItsLeadIdChangeEvenWhenItArrivesAfterTheStageChangeInTheBatch() {
        HubSpotEvent stageChange = event(ReferencePayloads.text("hubspot-webhook-deal-stage-change.json"));
        HubSpotEvent link = new HubSpotEvent(900L, 5799819L, "deal.propertyChange", 697680835L, "leadloop_lead_id",
                "lead-2", stageChange.occurredAt().minusSeconds(60));

        var reading = outcomes.read(List.of(stageChange, link), deal -> Optional.empty());

        assertThat(reading.links()).containsExactly(new DealStageOutcomes.Link(900L, 697680835L, "lead-2"));
        assertThat(reading.changes()).singleElement()
                .satisfies(change -> assertThat(change.leadId()).isEqualTo("lead-2"));
    }

    @Test
    void skipsAndExplainsStageChangesOfUnlinkedDealsUnmappedStagesAndOtherEvents() {
        HubSpotEvent stageChange = event(ReferencePayloads.text("hubspot-webhook-deal-stage-change.json"));
        JsonNode docsBatch = JsonMapper.shared().readTree(ReferencePayloads.text("hubspot-webhook-batch.docs-example.json"));
        HubSpotEvent contactChange = event(docsBatch.get(0).toString());
        HubSpotEvent unmapped = new HubSpotEvent(901L, 1L, "deal.propertyChange", 697680835L, "dealstage",
                "appointmentscheduled", Instant.ofEpochMilli(1556094637140L));

        var reading = outcomes.read(List.of(stageChange, contactChange, unmapped), deal -> Optional.empty());

        assertThat(reading.changes()).isEmpty();
        assertThat(reading.skipped()).extracting(DealStageOutcomes.Skipped::eventId)
                .containsExactlyInAnyOrder(802835955L, 3816279340L, 901L);
        assertThat(reading.skipped()).anySatisfy(skip -> assertThat(skip.reason()).contains("no leadloop_lead_id"));
        assertThat(reading.skipped()).anySatisfy(skip -> assertThat(skip.reason())
                .contains("appointmentscheduled is not mapped"));
    }

    @Test
    void aWinCarriesTheDealsAmountFromItsPropertyChangesInTheBatchOrRememberedBefore() {
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        HubSpotEvent won = new HubSpotEvent(910L, 1L, "deal.propertyChange", 42L, "dealstage", CUSTOM_WON_STAGE, at);
        HubSpotEvent amount = new HubSpotEvent(911L, 1L, "deal.propertyChange", 42L, "amount", "1200.5",
                at.plusSeconds(5));

        var inBatch = outcomes.read(List.of(won, amount), deal -> Optional.of("lead-1"),
                (deal, property) -> property.equals("deal_currency_code") ? Optional.of("EUR") : Optional.empty());
        var remembered = outcomes.read(List.of(won), deal -> Optional.of("lead-1"),
                (deal, property) -> property.equals("amount") ? Optional.of("300") : Optional.empty());

        assertThat(inBatch.changes()).singleElement().satisfies(change -> {
            assertThat(change.amount()).isEqualByComparingTo("1200.5");
            assertThat(change.currency()).isEqualTo("EUR");
        });
        assertThat(inBatch.properties()).extracting(DealStageOutcomes.PropertyChange::property)
                .containsExactly("dealstage", "amount");
        assertThat(remembered.changes()).singleElement()
                .satisfies(change -> assertThat(change.amount()).isEqualByComparingTo("300"));
    }

    @Test
    void anAmountArrivingAfterTheWinRecordsTheWinWithIt() {
        HubSpotEvent amount = new HubSpotEvent(912L, 1L, "deal.propertyChange", 42L, "amount", "99",
                Instant.parse("2026-11-23T10:00:00Z"));

        var wonBefore = outcomes.read(List.of(amount), deal -> Optional.of("lead-1"),
                (deal, property) -> property.equals("dealstage") ? Optional.of(CUSTOM_WON_STAGE) : Optional.empty());
        var stillOpen = outcomes.read(List.of(amount), deal -> Optional.of("lead-1"), (deal, property) -> Optional.empty());

        assertThat(wonBefore.changes()).singleElement().satisfies(change -> {
            assertThat(change.outcome()).isEqualTo(Outcome.WON);
            assertThat(change.amount()).isEqualByComparingTo("99");
        });
        assertThat(stillOpen.changes()).isEmpty();
        assertThat(stillOpen.properties()).singleElement()
                .satisfies(change -> assertThat(change.value()).isEqualTo("99"));
    }

    private static HubSpotEvent event(String json) {
        JsonNode node = JsonMapper.shared().readTree(json);
        return new HubSpotEvent(node.get("eventId").asLong(), node.get("portalId").asLong(),
                node.get("subscriptionType").asString(), node.get("objectId").asLong(),
                node.get("propertyName").asString(), node.get("propertyValue").asString(),
                Instant.ofEpochMilli(node.get("occurredAt").asLong()));
    }
}
