package io.leadloop.intake.fetching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The platform API client against a stub on 127.0.0.1: retries, refusals, and staying on the configured host. */
class PlatformApiTest {

    private final PlatformStub stub = new PlatformStub();
    private final PlatformApi api = new PlatformApi(new FetchProperties.Http(3, Duration.ofMillis(10),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)), Clock.systemUTC());

    @AfterEach
    void stop() {
        stub.close();
        api.destroy();
    }

    @Test
    void retriesAServerErrorWithinTheCall() {
        stub.answer("/v1/123", "{\"id\":\"123\"}").failFirst("/v1/123", 2);

        assertThat(api.get(stub.baseUrl() + "/v1", List.of("123"), Map.of("access_token", "t"), Map.of()))
                .isEqualTo("{\"id\":\"123\"}");
        assertThat(stub.callsTo("/v1/123")).isEqualTo(3);
    }

    @Test
    void leavesWhatKeepsFailingToTheRetriesFromKafka() {
        stub.answer("/v1/123", "{}").failFirst("/v1/123", 5);

        assertThatThrownBy(() -> api.get(stub.baseUrl() + "/v1", List.of("123"), Map.of(), Map.of()))
                .isInstanceOf(LeadFetchFailedException.class).hasMessageContaining("3 tries").hasMessageContaining("500");
    }

    @Test
    void doesNotRetryALeadThePlatformDoesNotHave() {
        assertThatThrownBy(() -> api.get(stub.baseUrl() + "/v1", List.of("404"), Map.of(), Map.of()))
                .isInstanceOfSatisfying(PlatformRefusedException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(stub.callsTo("/v1/404")).isEqualTo(1);
    }

    @Test
    void neverLogsOrReportsTheQueryThatCarriesTheToken() {
        assertThatThrownBy(() -> api.get(stub.baseUrl() + "/v1", List.of("404"), Map.of("access_token", "secret-token"),
                Map.of())).hasMessageNotContaining("secret-token");
    }

    @Test
    void refusesIdsThatWouldLeaveTheConfiguredApi() {
        for (String id : List.of("..", "a/b", "x?y", "http://evil.example/", "")) {
            assertThatThrownBy(() -> PlatformApi.resolve("https://graph.facebook.com/v23.0", List.of(id), Map.of()),
                    id).isInstanceOf(LeadNotFetchableException.class);
        }
        assertThat(PlatformApi.resolve("https://graph.facebook.com/v23.0/", List.of("444444444444"),
                Map.of("fields", "id,field_data")))
                .hasToString("https://graph.facebook.com/v23.0/444444444444?fields=id%2Cfield_data");
    }

    @Test
    void readsRetryAfterAsSecondsOrAsAnHttpDate() {
        var clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        var dated = new PlatformApi(new FetchProperties.Http(3, Duration.ofMillis(10), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(5)), clock);
        try {
            assertThat(dated.retryAfter(Optional.of("7"))).hasValue(Duration.ofSeconds(7));
            assertThat(dated.retryAfter(Optional.of("Thu, 01 Jan 2026 00:00:30 GMT"))).hasValue(Duration.ofSeconds(30));
            assertThat(dated.retryAfter(Optional.of("soon"))).isEmpty();
        } finally {
            dated.destroy();
        }
    }

    @Test
    void roundTripsANotificationAndParksOneThatIsNot() {
        var notification = new LeadNotification("meta-ads", "meta", "444444444444", "1", "2", null,
                Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(LeadNotification.fromJson(notification.toJson())).isEqualTo(notification);
        assertThatThrownBy(() -> LeadNotification.fromJson("{\"source\":\"x\"}"))
                .isInstanceOf(LeadNotFetchableException.class);
    }
}
