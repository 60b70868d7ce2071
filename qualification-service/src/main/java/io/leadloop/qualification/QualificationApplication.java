package io.leadloop.qualification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Qualification: scores every captured lead against the active lead definition, publishes the verdict with its
 * reasons, and counts what sales reports back per campaign — the seed of learning from outcomes.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QualificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(QualificationApplication.class, args);
    }
}
