package io.leadloop.intake.webhooks.typeform;

import static io.leadloop.intake.webhooks.SourceSettingsMother.aSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadloop.intake.webhooks.MalformedPayloadException;
import io.leadloop.intake.webhooks.Payloads;
import io.leadloop.intake.webhooks.WebhookJson;
import tools.jackson.databind.node.ObjectNode;

/** Typeform's documented example response, and variants of it, mapped to our lead. */
class TypeformMappingTest {

    private static TypeformResponse parse(byte[] body) {
        return TypeformResponse.parse(WebhookJson.parse(body));
    }

    private static TypeformResponse example() {
        return parse(Payloads.bytes("typeform-form-response.json"));
    }

    @Test
    void readsEveryAnswerOfTheExampleByItsRef() {
        TypeformResponse response = example();

        assertThat(response.token()).isEqualTo("a3a12ec67a1365927098a606107fac15");
        assertThat(response.formId()).isEqualTo("lT4Z3j");
        assertThat(response.isCompleted()).isTrue();
        assertThat(response.answers()).extracting(TypeformResponse.Answer::key).containsExactly(
                "[readable_ref_long_text", "readable_ref_email", "readable_ref_short_text", "readable_ref_date",
                "readable_ref_picture_choice", "readable_ref_number1", "readable_ref_legal",
                "readable_ref_multiple_choice", "readable_ref_yes_no", "readable_ref_opinion_scale",
                "readable_ref_rating", "readable_ref_number2", "readable_ref_calendly");
    }

    @Test
    void mapsTheExampleToALeadKeepingEveryOtherAnswer() {
        var lead = TypeformMapping.toSubmission(example(), aSource("typeform").build());

        assertThat(lead.email()).isEqualTo("laura@example.com");
        assertThat(lead.firstName()).as("from the question 'What is your first name?'").isEqualTo("Laura");
        assertThat(lead.source().channel()).isEqualTo("typeform");
        assertThat(lead.source().formId()).isEqualTo("lT4Z3j");
        assertThat(lead.attributes())
                .containsEntry("[readable_ref_long_text", "It's cold right now! I live in an older medium-sized city "
                        + "with a university. Geographically, the area is hilly.")
                .containsEntry("readable_ref_date", "2005-10-15")
                .containsEntry("readable_ref_picture_choice", "London, Sydney")
                .containsEntry("readable_ref_number1", "5")
                .containsEntry("readable_ref_legal", "true")
                .containsEntry("readable_ref_multiple_choice", "London")
                .containsEntry("readable_ref_yes_no", "false")
                .containsEntry("readable_ref_opinion_scale", "2")
                .containsEntry("readable_ref_rating", "3")
                .containsEntry("readable_ref_number2", "4")
                .containsEntry("readable_ref_calendly", "https://calendly.com/scheduled_events/EVENT_TYPE/invitees/INVITEE")
                .containsEntry("user_id", "abc123456")
                .containsEntry("landed_at", "2018-01-18T18:07:02Z")
                .containsEntry("submitted_at", "2018-01-18T18:17:02Z")
                .containsEntry("calculated.score", "9")
                .containsEntry("variables.score", "4")
                .containsEntry("variables.name", "typeform")
                .doesNotContainKeys("readable_ref_email", "readable_ref_short_text");
        assertThat(lead.consent()).isNull();
    }

    @Test
    void takesUtmAndClickIdsFromHiddenFields() {
        ObjectNode body = Payloads.object("typeform-form-response.json");
        ((ObjectNode) body.get("form_response")).putObject("hidden").put("utm_source", "linkedin")
                .put("utm_medium", "paid-social").put("utm_campaign", "spring").put("gclid", "Cj0KCQ")
                .put("li_fat_id", "abc-123").put("user_id", "u-9");

        var lead = TypeformMapping.toSubmission(parse(Payloads.toBytes(body)), aSource("typeform").build());

        assertThat(lead.utm().source()).isEqualTo("linkedin");
        assertThat(lead.utm().medium()).isEqualTo("paid-social");
        assertThat(lead.utm().campaign()).isEqualTo("spring");
        assertThat(lead.clickIds()).containsOnly(Map.entry("gclid", "Cj0KCQ"), Map.entry("li_fat_id", "abc-123"));
        assertThat(lead.attributes()).containsEntry("user_id", "u-9");
    }

    @Test
    void followsTheConfiguredMappingByRefOrFieldIdAndRecordsConsentWithItsQuestionAndTime() {
        var settings = aSource("typeform")
                .mapping("readable_ref_legal", "consent.salesContact")
                .mapping("k6TP9oLGgHjl", "company.industry") // the multiple-choice question, by field id
                .mapping("readable_ref_short_text", "lastName")
                .build();

        var lead = TypeformMapping.toSubmission(example(), settings);

        assertThat(lead.consent().salesContact()).isTrue();
        assertThat(lead.consent().text()).startsWith("By submitting this form, you understand and accept");
        assertThat(lead.consent().capturedAt()).isEqualTo(Instant.parse("2018-01-18T18:17:02Z"));
        assertThat(lead.company().industry()).isEqualTo("London");
        assertThat(lead.lastName()).isEqualTo("Laura");
        assertThat(lead.firstName()).as("the title default yields to configuration").isNull();
    }

    @Test
    void readsEveryAnswerType() {
        String body = """
                {"event_id": "e1", "event_type": "form_response", "form_response": {
                  "form_id": "f1", "token": "t1", "submitted_at": "2026-03-01T10:00:00Z",
                  "answers": [
                    {"type": "phone_number", "phone_number": "+14155550100", "field": {"id": "a", "type": "phone_number", "ref": "mobile"}},
                    {"type": "phone_number", "phone_number": "+14155550199", "field": {"id": "b", "type": "phone_number", "ref": "office"}},
                    {"type": "email", "email": "ana@acme.io", "field": {"id": "c", "type": "email", "ref": "work_mail"}},
                    {"type": "choice", "choice": {"other": "Something else"}, "field": {"id": "d", "type": "multiple_choice", "ref": "d"}},
                    {"type": "choices", "choices": {"labels": ["A", "B"], "other": "C"}, "field": {"id": "e", "type": "multiple_choice", "ref": "e"}},
                    {"type": "file_url", "file_url": "https://api.typeform.com/responses/files/x/cv.pdf", "field": {"id": "f", "type": "file_upload", "ref": "cv"}},
                    {"type": "payment", "payment": {"amount": "15.00", "last4": "4242", "name": "Ana", "success": true}, "field": {"id": "g", "type": "payment", "ref": "deposit"}},
                    {"type": "number", "number": 4.5, "field": {"id": "h", "type": "number", "ref": "score"}},
                    {"type": "boolean", "boolean": false, "field": {"id": "i", "type": "yes_no", "ref": "newsletter"}},
                    {"type": "date", "date": "2026-04-01", "field": {"id": "j", "type": "date", "ref": "start"}},
                    {"type": "url", "url": "https://acme.io", "field": {"id": "k", "type": "website", "ref": "site"}},
                    {"type": "text", "text": "VP Marketing", "field": {"id": "l", "type": "short_text", "ref": "job_title"}},
                    {"type": "multi_format", "multi_format": {"audio_url": "https://x/a.mp3"}, "field": {"id": "m", "type": "multi_format", "ref": "voice"}}
                  ]}}""";

        var lead = TypeformMapping.toSubmission(parse(body.getBytes(StandardCharsets.UTF_8)), aSource("typeform").build());

        assertThat(lead.phone()).as("the first phone answer").isEqualTo("+14155550100");
        assertThat(lead.email()).as("the first email answer, whatever its ref").isEqualTo("ana@acme.io");
        assertThat(lead.jobTitle()).isEqualTo("VP Marketing");
        assertThat(lead.attributes())
                .containsEntry("office", "+14155550199")
                .containsEntry("d", "Something else")
                .containsEntry("e", "A, B, C")
                .containsEntry("cv", "https://api.typeform.com/responses/files/x/cv.pdf")
                .containsEntry("deposit", "15.00 (paid)")
                .containsEntry("score", "4.5")
                .containsEntry("newsletter", "false")
                .containsEntry("start", "2026-04-01")
                .containsEntry("site", "https://acme.io")
                .containsEntry("voice", "{\"audio_url\":\"https://x/a.mp3\"}");
        assertThat(lead.attributes().values()).noneMatch(value -> value.contains("4242"));
    }

    @Test
    void tellsAPartialResponseFromACompletedOne() {
        ObjectNode body = Payloads.object("typeform-form-response.json");
        body.put("event_type", "form_response_partial");

        assertThat(parse(Payloads.toBytes(body)).isCompleted()).isFalse();
    }

    @Test
    void refusesABodyWithoutAFormResponse() {
        assertThatThrownBy(() -> parse("{\"event_type\": \"form_response\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(MalformedPayloadException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/form_response"));
    }
}
