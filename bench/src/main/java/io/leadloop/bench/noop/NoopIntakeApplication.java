package io.leadloop.bench.noop;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The framework ceiling for intake: the same Spring MVC on Tomcat with the same Jackson and JVM flags, taking the
 * same lead on the same path, parsing its JSON and answering {@code 202} with a body of the same shape — and doing
 * nothing else. Started by {@code LoopBenchmark} as a process of its own beside the stack, so it competes for the
 * same two cores as intake did.
 */
@SpringBootApplication
public class NoopIntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(NoopIntakeApplication.class, args);
    }

    @RestController
    static class NoopLeads {

        @PostMapping(path = "/api/v1/leads", consumes = MediaType.APPLICATION_JSON_VALUE,
                produces = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<Accepted> capture(@RequestBody Map<String, Object> lead) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(UUID.randomUUID().toString(), 1, false));
        }

        @GetMapping("/ready")
        String ready() {
            return "ok";
        }
    }

    record Accepted(String leadId, int touch, boolean repeat) {
    }
}
