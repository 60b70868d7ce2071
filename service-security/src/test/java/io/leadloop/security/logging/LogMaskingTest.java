package io.leadloop.security.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The logging configuration this module ships masks contact details in every service's console log. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = LogMaskingTest.NoWebApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LogMaskingTest {

    @SpringBootApplication
    static class NoWebApplication {
    }

    @Test
    void masksEmailsAndPhonesThatALibraryLogs(CapturedOutput output) {
        LoggerFactory.getLogger("some.library").warn("Could not deliver {\"email\": \"{}\", \"phone\": \"{}\"}",
                "ana.silva@acme.io", "+1 415 555 0100");

        assertThat(output.getOut()).contains("Could not deliver {\"email\": \"***@acme.io\", \"phone\": \"[phone]\"}")
                .doesNotContain("ana.silva").doesNotContain("555 0100");
    }
}
