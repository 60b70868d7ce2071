package io.leadloop.qualification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import io.leadloop.schemas.serde.TrustedAvroPackages;

/**
 * Qualification: scores every captured lead against the active lead definition, publishes the verdict with its
 * reasons, and counts what sales reports back per campaign — the seed of learning from outcomes.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QualificationApplication {

    static {
        // Avro 1.12 only instantiates generated classes from trusted packages; ours must be trusted before the
        // first event is read or copied.
        TrustedAvroPackages.install();
    }

    public static void main(String[] args) {
        SpringApplication.run(QualificationApplication.class, args);
    }
}
