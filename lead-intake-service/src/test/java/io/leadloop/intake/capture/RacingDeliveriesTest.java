package io.leadloop.intake.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import io.leadloop.events.LeadCaptured;
import io.leadloop.intake.identity.KnownLeads;
import io.leadloop.intake.identity.KnownPerson;
import io.leadloop.intake.lead.LeadSubmission;
import io.leadloop.intake.lead.LeadValidator;
import io.leadloop.intake.publishing.LeadNotPublishedException;
import io.leadloop.intake.publishing.LeadPublisher;

/** Two copies of one delivery arriving before the first was answered: published once, the second is its repeat. */
class RacingDeliveriesTest {

    private final Map<String, String> deliveries = new ConcurrentHashMap<>();
    private final KnownLeads known = new KnownLeads() {
        @Override
        public Optional<String> leadOfDelivery(String deliveryKey) {
            return Optional.ofNullable(deliveries.get(deliveryKey));
        }

        @Override
        public Optional<KnownPerson> personOf(List<String> personKeys) {
            return Optional.empty();
        }

        @Override
        public void remember(String deliveryKey, List<String> personKeys, KnownPerson person) {
            deliveries.put(deliveryKey, person.leadId());
        }
    };
    private final List<CompletableFuture<Void>> acks = new ArrayList<>();
    private final LeadPublisher publisher = new LeadPublisher(null, Clock.systemUTC()) {
        @Override
        public CompletableFuture<Void> publish(LeadCaptured event) {
            var ack = new CompletableFuture<Void>();
            acks.add(ack);
            return ack;
        }
    };
    private final LeadIntake intake = new LeadIntake(new LeadValidator("US", Clock.systemUTC()), known, publisher);

    @Test
    void publishesADeliveryOnceWhenItsCopyArrivesBeforeTheFirstWasAcknowledged() {
        var first = intake.capture(Delivery.viaApi(aLead(), "key-1"));
        var second = intake.capture(Delivery.viaApi(aLead(), "key-1"));

        assertThat(acks).hasSize(1);
        assertThat(second).isNotDone();
        acks.getFirst().complete(null);

        assertThat(first.join().repeat()).isFalse();
        assertThat(second.join().repeat()).isTrue();
        assertThat(second.join().leadId()).isEqualTo(first.join().leadId());
    }

    @Test
    void letsACopyPublishAgainWhenTheFirstWasNotAcknowledged() {
        var first = intake.capture(Delivery.viaApi(aLead(), "key-2"));
        var racing = intake.capture(Delivery.viaApi(aLead(), "key-2"));
        acks.getFirst().completeExceptionally(new LeadNotPublishedException("lead", new RuntimeException("down")));

        assertThatThrownBy(first::join).hasCauseInstanceOf(LeadNotPublishedException.class);
        assertThatThrownBy(racing::join).hasCauseInstanceOf(LeadNotPublishedException.class);
        var retry = intake.capture(Delivery.viaApi(aLead(), "key-2"));
        assertThat(acks).hasSize(2);
        acks.get(1).complete(null);
        assertThat(retry.join().repeat()).isFalse();
    }

    private static LeadSubmission aLead() {
        return new LeadSubmission("ana@acme.io", null, "Ana", "Silva", "VP Marketing",
                new LeadSubmission.Company("Acme", "acme.io", 250, "software", "US"),
                new LeadSubmission.Source("api", "spring-launch", "demo-request", "https://acme.io/demo"),
                null, null, null, Map.of(), null, null);
    }
}
