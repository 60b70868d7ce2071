package io.leadloop.intake.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FieldMapperTest {

    @Test
    void mapsPlatformFieldsCaseInsensitivelyAndKeepsTheRestAsAttributes() {
        var mapper = new FieldMapper(Map.of("FULL_NAME", "fullName", "EMAIL", "email", "COMPANY_SIZE", "company.employees"),
                Map.of("budget_question", "company.industry"));
        var fields = new LinkedHashMap<String, String>();
        fields.put("full_name", "Ana Maria Silva");
        fields.put("email", "ana@acme.io");
        fields.put("company_size", "51-200");
        fields.put("Budget_Question", "software");
        fields.put("favourite_colour", "teal");

        var lead = mapper.toSubmission(fields, "google-ads", "spring");

        assertThat(lead.firstName()).isEqualTo("Ana");
        assertThat(lead.lastName()).isEqualTo("Maria Silva");
        assertThat(lead.email()).isEqualTo("ana@acme.io");
        assertThat(lead.company().employees()).isEqualTo(51);
        assertThat(lead.company().industry()).isEqualTo("software");
        assertThat(lead.source().channel()).isEqualTo("google-ads");
        assertThat(lead.source().campaignId()).isEqualTo("spring");
        assertThat(lead.attributes()).containsOnly(Map.entry("favourite_colour", "teal"));
    }

    @Test
    void refusesAMappingToAFieldWeDoNotHave() {
        assertThatThrownBy(() -> new FieldMapper(Map.of(), Map.of("x", "shoeSize")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shoeSize");
    }

    @Test
    void readsConsentCheckboxes() {
        assertThat(FieldMapper.yes("Yes")).isTrue();
        assertThat(FieldMapper.yes("off")).isFalse();
        assertThat(FieldMapper.yes("I agree to be contacted")).isTrue();
    }
}
