package io.leadloop.intake;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** lead-intake-service: the front door for leads from forms, our API and ad platforms. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IntakeApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }
}
