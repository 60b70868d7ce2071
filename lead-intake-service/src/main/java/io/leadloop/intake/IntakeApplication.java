package io.leadloop.intake;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import io.leadloop.schemas.serde.TrustedAvroPackages;

/** lead-intake-service: the front door for leads from forms, our API and ad platforms. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IntakeApplication {

    static {
        // Avro 1.12 only instantiates generated classes from trusted packages; ours must be trusted before the
        // first event is read or copied.
        TrustedAvroPackages.install();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }
}
