package io.leadloop.feedback;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import io.leadloop.schemas.serde.TrustedAvroPackages;

/**
 * Closes the loop: records what sales did with each lead and keeps every campaign's funnel, from capture to
 * revenue, for marketing and sales to read the same numbers.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FeedbackApplication {

    static {
        // Avro 1.12 only instantiates generated classes from trusted packages; ours must be trusted before the
        // first event is read or copied.
        TrustedAvroPackages.install();
    }

    public static void main(String[] args) {
        SpringApplication.run(FeedbackApplication.class, args);
    }
}
