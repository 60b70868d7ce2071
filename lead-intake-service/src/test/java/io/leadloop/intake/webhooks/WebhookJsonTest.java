package io.leadloop.intake.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookJsonTest {

    private static tools.jackson.databind.JsonNode parse(String json) {
        return WebhookJson.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsSixtyFourBitIdsDigitForDigit() {
        var body = parse("""
                {"form_id": 349080077126, "campaign_id": 9223372036854775807,
                 "beyond_long": 123456789012345678901234567890, "as_text": "349080077126"}""");

        assertThat(WebhookJson.text(body.get("form_id"))).isEqualTo("349080077126");
        assertThat(WebhookJson.text(body.get("campaign_id"))).isEqualTo("9223372036854775807");
        assertThat(WebhookJson.text(body.get("beyond_long"))).isEqualTo("123456789012345678901234567890");
        assertThat(WebhookJson.text(body.get("as_text"))).isEqualTo("349080077126");
    }

    @Test
    void writesDecimalsInPlainNotation() {
        var body = parse("{\"a\": 1.50, \"b\": 3.4908007712600E11, \"c\": 5.0}");

        assertThat(WebhookJson.text(body.get("a"))).isEqualTo("1.5");
        assertThat(WebhookJson.text(body.get("b"))).isEqualTo("349080077126");
        assertThat(WebhookJson.text(body.get("c"))).isEqualTo("5");
    }

    @Test
    void findsAPropertyWhateverItsCase() {
        var body = parse("{\"Google_key\": \"k\"}");

        assertThat(WebhookJson.propertyIgnoringCase(body, "google_key")).map(WebhookJson::text).hasValue("k");
    }

    @Test
    void refusesABodyThatIsNotJson() {
        assertThatThrownBy(() -> parse("{\"lead_id\": ")).isInstanceOfSatisfying(MalformedPayloadException.class,
                e -> assertThat(e.isJson()).isFalse());
        assertThatThrownBy(() -> WebhookJson.parse(new byte[0])).isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void refusesTheSameKeyTwice() {
        assertThatThrownBy(() -> parse("{\"google_key\": \"a\", \"google_key\": \"b\"}"))
                .isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void rendersArraysAndObjectsAsText() {
        var body = parse("{\"labels\": [\"London\", \"Sydney\"], \"o\": {\"x\": 1}, \"blank\": \" \"}");

        assertThat(WebhookJson.anyText(body.get("labels"))).isEqualTo("London, Sydney");
        assertThat(WebhookJson.anyText(body.get("o"))).isEqualTo("{\"x\":1}");
        assertThat(WebhookJson.text(body.get("blank"))).isNull();
    }
}
