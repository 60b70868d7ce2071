package io.leadloop.security.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingConverterTest {

    @Test
    void masksTheLocalPartOfEveryEmail() {
        assertThat(MaskingConverter.mask("payload {\"email\":\"ana.silva@acme.io\",\"cc\":\"bo+x@mail.example.co.uk\"}"))
                .isEqualTo("payload {\"email\":\"***@acme.io\",\"cc\":\"***@mail.example.co.uk\"}");
    }

    @Test
    void masksPhoneNumbersInTheFormsPeopleWriteThem() {
        assertThat(MaskingConverter.mask("phone=+1 415 555 0100")).isEqualTo("phone=[phone]");
        assertThat(MaskingConverter.mask("tel +441632960961 given")).isEqualTo("tel [phone] given");
        assertThat(MaskingConverter.mask("call (415) 555-0100 now")).isEqualTo("call [phone] now");
        assertThat(MaskingConverter.mask("Festnetz 030 1234 5678")).isEqualTo("Festnetz [phone]");
        assertThat(MaskingConverter.mask("\"phone\":\"415.555.0100\"")).isEqualTo("\"phone\":\"[phone]\"");
    }

    @Test
    void leavesIdsDatesAddressesAndCountsReadable() {
        String message = "Lead 6f1c2a3b-1234-5678-9012-345678901234 handed off to rep-ana at 2026-11-23T12:24:13.854Z "
                + "(due 2026-11-23 12:39), 1200 leads in 1732345678901 ms via 127.0.0.1:8085, v1.2.3";

        assertThat(MaskingConverter.mask(message)).isEqualTo(message);
    }

    @Test
    void leavesMessagesWithoutContactDetailsAlone() {
        assertThat(MaskingConverter.mask("")).isEmpty();
        assertThat(MaskingConverter.mask(null)).isNull();
        assertThat(MaskingConverter.mask("Access control is on")).isEqualTo("Access control is on");
    }
}
