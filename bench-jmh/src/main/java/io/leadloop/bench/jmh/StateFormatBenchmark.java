package io.leadloop.bench.jmh;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.leadloop.feedback.funnel.domain.FunnelFact;
import io.leadloop.feedback.funnel.domain.FunnelNumbers;
import io.leadloop.feedback.funnel.domain.LeadFunnel;
import io.leadloop.feedback.funnel.domain.SalesSignal;
import io.leadloop.feedback.funnel.state.FunnelStateFormats;
import io.leadloop.security.state.StateFormat;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.smile.SmileMapper;

/**
 * feedback-service's Kafka Streams state (issue 7): its per-lead {@code LeadFunnel}, read and written once per
 * event, and a campaign-day's {@code FunnelNumbers}, read and written once per change of a lead, in each candidate
 * format:
 * <ul>
 * <li>{@code json}: what the stores held before, Jackson 3 on the records (the {@code JacksonJsonSerde} does no more
 * than {@code writeValueAsBytes} / {@code readValue} with type headers off);</li>
 * <li>{@code smile}: Jackson's binary Smile on the same records, the least-code alternative;</li>
 * <li>{@code avro}: feedback's {@code StateFormat} as the service runs it: version byte, then Avro binary of the
 * state schema written and read field by field (JSON values are detected by their first byte).</li>
 * </ul>
 * The domain and the state package are compiled from feedback-service's sources.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class StateFormatBenchmark {

    @Param({"json", "smile", "avro"})
    public String format;

    private Codec<LeadFunnel> leads;
    private Codec<FunnelNumbers> numbers;
    private LeadFunnel lead;
    private FunnelNumbers campaignDay;
    private byte[] leadBytes;
    private byte[] numbersBytes;

    @Setup
    public void setUp() {
        JsonMapper json = JsonMapper.builder().build();
        switch (format) {
            case "json" -> {
                leads = jackson(json, LeadFunnel.class);
                numbers = jackson(json, FunnelNumbers.class);
            }
            case "smile" -> {
                SmileMapper smile = SmileMapper.builder().build();
                leads = jackson(smile, LeadFunnel.class);
                numbers = jackson(smile, FunnelNumbers.class);
            }
            case "avro" -> {
                leads = of(FunnelStateFormats.leadFunnel(json));
                numbers = of(FunnelStateFormats.funnelNumbers(json));
            }
            default -> throw new IllegalArgumentException(format);
        }
        lead = typicalLead();
        campaignDay = typicalCampaignDay();
        leadBytes = leads.write(lead);
        numbersBytes = numbers.write(campaignDay);
        if (!leads.read(leadBytes).equals(lead) || !numbers.read(numbersBytes).equals(campaignDay)) {
            throw new IllegalStateException(format + " does not round-trip the state");
        }
        System.out.printf("%n%s: LeadFunnel %d bytes, FunnelNumbers %d bytes%n", format, leadBytes.length,
                numbersBytes.length);
    }

    @Benchmark
    public byte[] writeLeadFunnel() {
        return leads.write(lead);
    }

    @Benchmark
    public LeadFunnel readLeadFunnel() {
        return leads.read(leadBytes);
    }

    @Benchmark
    public byte[] writeFunnelNumbers() {
        return numbers.write(campaignDay);
    }

    @Benchmark
    public FunnelNumbers readFunnelNumbers() {
        return numbers.read(numbersBytes);
    }

    /**
     * A lead as most of the store holds it: captured from a campaign with utm source, form and landing page, scored
     * MQL, handed to a rep of a team, accepted and contacted by sales.
     */
    static LeadFunnel typicalLead() {
        String leadId = "0f8fad5b-d9cb-469f-a165-70867728950e";
        Instant at = Instant.parse("2026-11-23T10:15:30.412Z");
        return LeadFunnel.unknown(leadId)
                .apply(new FunnelFact.Captured(leadId, 1, "spring-launch", "google", "demo-request",
                        "https://acme.io/demo", at))
                .apply(new FunnelFact.Scored(leadId, "spring-launch", true, at.plusMillis(180)))
                .apply(new FunnelFact.HandedOff(leadId, "spring-launch", "rep-ana", "emea",
                        at.plusSeconds(4 * 3600), at.plusMillis(420)))
                .apply(new FunnelFact.SalesReported(leadId, "spring-launch", SalesSignal.ACCEPTED, null,
                        at.plusSeconds(900)))
                .apply(new FunnelFact.SalesReported(leadId, "spring-launch", SalesSignal.CONTACTED, null,
                        at.plusSeconds(1800)));
    }

    /** One campaign's day: a few reasons, a spread of first-touch minutes, revenue in one currency, 5 models. */
    static FunnelNumbers typicalCampaignDay() {
        var minutes = new TreeMap<Long, Long>();
        for (long m = 1; m <= 240; m *= 2) {
            minutes.put(m, m % 7 + 1);
        }
        var attributed = new TreeMap<String, Map<String, BigDecimal>>();
        for (String model : new String[] {"first-touch", "last-touch", "linear", "u-shaped", "w-shaped"}) {
            attributed.put(model, Map.of("USD", new BigDecimal("18450.25")));
        }
        return new FunnelNumbers(412, 130, 121, 97, 24,
                Map.of("no-budget", 9L, "wrong-person", 7L, "competitor", 5L, "other", 3L), 95, 81, minutes, 40, 19,
                11, 6, Map.of("USD", new BigDecimal("48200.00")), attributed);
    }

    private interface Codec<T> {
        byte[] write(T value);

        T read(byte[] bytes);
    }

    private static <T> Codec<T> jackson(ObjectMapper mapper, Class<T> type) {
        return new Codec<>() {
            @Override
            public byte[] write(T value) {
                return mapper.writeValueAsBytes(value);
            }

            @Override
            public T read(byte[] bytes) {
                return mapper.readValue(bytes, type);
            }
        };
    }

    private static <T> Codec<T> of(StateFormat<T> format) {
        return new Codec<>() {
            @Override
            public byte[] write(T value) {
                return format.write(value);
            }

            @Override
            public T read(byte[] bytes) {
                return format.read(bytes);
            }
        };
    }
}
