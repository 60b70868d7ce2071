package io.leadloop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The ceilings are parsed from Kafka's tools' own output (lines as Kafka 4.2.1 printed them on this machine). */
class KafkaToolsTest {

    @Test
    void readsTheFinalSummaryOfProducerPerformanceNotAnIntervalReport() {
        var out = """
                36192 records sent, 7235.5 records/sec (3.45 MB/sec), 14509.0 ms avg latency, 17904.0 ms max latency.
                200000 records sent, 3315.539936 records/sec (1.58 MB/sec), 10703.42 ms avg latency, 18326.00 ms max latency, 9641 ms 50th, 17862 ms 95th, 18176 ms 99th, 18291 ms 99.9th.
                """;

        var ceiling = KafkaTools.parseProducer(out);

        assertThat(ceiling.records()).isEqualTo(200_000);
        assertThat(ceiling.recordsPerSecond()).isEqualTo(3315.539936);
        assertThat(ceiling.p50Ms()).isEqualTo(9641);
        assertThat(ceiling.p99Ms()).isEqualTo(18176);
        assertThat(ceiling.p999Ms()).isEqualTo(18291);
    }

    @Test
    void takesConsumerPerformanceFetchRateWithoutTheGroupJoin() {
        var out = """
                start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                2026-11-23 07:40:41:428, 2026-11-23 07:40:58:509, 95.3674, 5.5832, 200000, 11708.9163, 7578, 9503, 10.0355, 21045.9855
                """;

        var ceiling = KafkaTools.parseConsumer(out);

        assertThat(ceiling.records()).isEqualTo(200_000);
        assertThat(ceiling.recordsPerSecond()).isEqualTo(21045.9855);
    }

    @Test
    void readsEndToEndLatencyPercentiles() {
        var hop = KafkaTools.parseOneHop("0\t2183.711227\n1000\t11.797436\nAvg latency: 15.2815 ms\n"
                + "Percentiles: 50th = 8, 99th = 79, 99.9th = 146\n", 2000);

        assertThat(hop.p50Ms()).isEqualTo(8);
        assertThat(hop.p99Ms()).isEqualTo(79);
        assertThat(hop.p999Ms()).isEqualTo(146);
    }

    @Test
    void saysSoWhenAToolPrintedNoResult() {
        assertThatThrownBy(() -> KafkaTools.parseProducer("Exception in thread main"))
                .hasMessageContaining("no summary");
    }
}
