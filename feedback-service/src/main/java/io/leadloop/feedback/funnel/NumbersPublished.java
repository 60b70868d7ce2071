package io.leadloop.feedback.funnel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.leadloop.events.AttributedAmount;
import io.leadloop.events.CurrencyAmount;
import io.leadloop.events.FunnelNumbersChanged;
import io.leadloop.feedback.funnel.domain.FunnelNumbers;
import io.leadloop.feedback.funnel.domain.NumbersKey;

/** The numbers of one key as the event marketing tools read from {@code feedback.funnel-numbers.v1}. */
final class NumbersPublished {

    private NumbersPublished() {
    }

    static FunnelNumbersChanged of(String key, FunnelNumbers numbers) {
        NumbersKey parsed = NumbersKey.parse(key);
        Map<String, Long> minutes = new TreeMap<>();
        numbers.firstTouchMinutes().forEach((minute, leads) -> minutes.put(Long.toString(minute), leads));
        List<AttributedAmount> attributed = new ArrayList<>();
        numbers.attributedRevenue().forEach((model, amounts) -> amounts.forEach((currency, amount) ->
                attributed.add(new AttributedAmount(model, currency, cents(amount)))));
        return FunnelNumbersChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setDimension(parsed.dimension().id())
                .setValue(parsed.value())
                .setDay(parsed.day())
                .setCaptured(numbers.captured())
                .setQualified(numbers.qualified())
                .setHandedOff(numbers.handedOff())
                .setAccepted(numbers.accepted())
                .setRejected(numbers.rejected())
                .setRejectedByReason(new TreeMap<>(numbers.rejectedByReason()))
                .setContacted(numbers.contacted())
                .setContactedWithinSla(numbers.contactedWithinSla())
                .setFirstTouchMinutes(minutes)
                .setMeetings(numbers.meetings())
                .setOpportunities(numbers.opportunities())
                .setWon(numbers.won())
                .setLost(numbers.lost())
                .setRevenue(numbers.revenue().entrySet().stream()
                        .map(entry -> new CurrencyAmount(entry.getKey(), cents(entry.getValue()))).toList())
                .setAttributedRevenue(attributed)
                .build();
    }

    /** The numbers back from the event, as every instance reads them from the global store. */
    static FunnelNumbers toNumbers(FunnelNumbersChanged event) {
        Map<Long, Long> minutes = new TreeMap<>();
        event.getFirstTouchMinutes().forEach((minute, leads) -> minutes.put(Long.parseLong(minute.toString()), leads));
        Map<String, Long> reasons = new TreeMap<>();
        event.getRejectedByReason().forEach((reason, leads) -> reasons.put(reason.toString(), leads));
        Map<String, BigDecimal> revenue = new TreeMap<>();
        event.getRevenue().forEach(amount -> revenue.merge(amount.getCurrency(), amount.getAmount(), BigDecimal::add));
        Map<String, Map<String, BigDecimal>> attributed = new TreeMap<>();
        event.getAttributedRevenue().forEach(amount -> attributed.computeIfAbsent(amount.getModel(), m -> new TreeMap<>())
                .merge(amount.getCurrency(), amount.getAmount(), BigDecimal::add));
        return new FunnelNumbers(event.getCaptured(), event.getQualified(), event.getHandedOff(), event.getAccepted(),
                event.getRejected(), reasons, event.getContacted(), event.getContactedWithinSla(), minutes,
                event.getMeetings(), event.getOpportunities(), event.getWon(), event.getLost(), revenue, attributed);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
