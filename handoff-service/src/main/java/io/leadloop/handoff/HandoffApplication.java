package io.leadloop.handoff;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import io.leadloop.schemas.serde.TrustedAvroPackages;

/** Hands qualified leads (MQLs) to sales reps and starts their SLA clock. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HandoffApplication {

    static {
        // Avro 1.12 only instantiates generated classes from trusted packages; ours must be trusted before the
        // first event is read or copied.
        TrustedAvroPackages.install();
    }

    public static void main(String[] args) {
        SpringApplication.run(HandoffApplication.class, args);
    }
}
