package io.leadloop.intake.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormAnswersTest {

    @Test
    void treatsABrowsersAcceptAsABrowser() {
        assertThat(FormAnswers.wantsJson("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).isFalse();
        assertThat(FormAnswers.wantsJson("*/*")).isFalse();
        assertThat(FormAnswers.wantsJson(null)).isFalse();
        assertThat(FormAnswers.wantsJson("not a media type")).isFalse();
    }

    @Test
    void answersJsonToAClientThatPrefersIt() {
        assertThat(FormAnswers.wantsJson("application/json")).isTrue();
        assertThat(FormAnswers.wantsJson("application/json, text/plain, */*")).isTrue();
        assertThat(FormAnswers.wantsJson("application/problem+json")).isTrue();
        assertThat(FormAnswers.wantsJson("text/html, application/json;q=0.5")).isFalse();
    }

    @Test
    void addsTheOutcomeToTheThankYouUrlKeepingItsQueryAndFragment() {
        var query = new LinkedHashMap<String, String>();
        query.put("error", "invalid-lead");
        query.put("fields", "email,company/country");

        assertThat(FormAnswers.withQuery("https://acme.io/thanks", Map.of("leadId", "42")))
                .hasToString("https://acme.io/thanks?leadId=42");
        assertThat(FormAnswers.withQuery("https://acme.io/thanks?lang=en#top", query))
                .hasToString("https://acme.io/thanks?lang=en&error=invalid-lead&fields=email%2Ccompany%2Fcountry#top");
    }

    @Test
    void parsesUrlEncodedFieldsInOrderWithRepeatedNames() {
        var fields = UrlEncodedForm.parse("email=ana%40acme.io&interest=crm&interest=ads&name=Ana+Silva&bad=%zz&flag",
                StandardCharsets.UTF_8);

        assertThat(fields).containsExactly(Map.entry("email", List.of("ana@acme.io")),
                Map.entry("interest", List.of("crm", "ads")), Map.entry("name", List.of("Ana Silva")),
                Map.entry("flag", List.of("")));
    }
}
