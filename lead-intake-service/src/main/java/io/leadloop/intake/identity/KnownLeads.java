package io.leadloop.intake.identity;

import java.util.List;
import java.util.Optional;

/** What intake remembers across restarts and instances: deliveries it took, and the people behind them. */
public interface KnownLeads {

    /** The lead an earlier delivery with this key produced, if any. */
    Optional<String> leadOfDelivery(String deliveryKey);

    /** The person any of these keys belongs to, if any (the one with most touches when they disagree). */
    Optional<KnownPerson> personOf(List<String> personKeys);

    /**
     * Notes a delivery whose LeadCaptured Kafka has just acknowledged, so that this instance recognises it at once;
     * every instance learns it durably from {@code leads.captured.v1} itself.
     */
    void remember(String deliveryKey, List<String> personKeys, KnownPerson person);
}
