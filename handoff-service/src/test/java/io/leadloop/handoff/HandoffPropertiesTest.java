package io.leadloop.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.leadloop.events.Priority;
import io.leadloop.handoff.sla.BusinessCalendar;
import io.leadloop.handoff.sla.SlaPolicy;

/** Binding of {@code leadloop.handoff.sla} and {@code .calendars}, and the startup checks, without Kafka. */
class HandoffPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, HandoffConfiguration.class);

    @Test
    void bindsTheShippedConfigurationIntoTiersAndTeamCalendars() {
        context.withInitializer(new ConfigDataApplicationContextInitializer()).run(started -> {
            SlaPolicy sla = started.getBean(SlaPolicy.class);

            assertThat(sla.timeToFirstTouch(Priority.HOT)).isEqualTo(Duration.ofMinutes(15));
            assertThat(sla.timeToFirstTouch(Priority.WARM)).isEqualTo(Duration.ofHours(4));
            assertThat(sla.timeToFirstTouch(Priority.COLD)).isEqualTo(Duration.ofHours(24));
            BusinessCalendar emea = sla.calendars().of("inbound-emea");
            assertThat(emea.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
            assertThat(emea.holidays()).contains(LocalDate.parse("2026-12-25"));
            // Lunch 12:30-13:30 CET: 12:20 + 15 working minutes is 13:35.
            assertThat(sla.dueAt(Priority.HOT, "inbound-emea", Instant.parse("2026-03-02T11:20:00Z")))
                    .isEqualTo(Instant.parse("2026-03-02T12:35:00Z"));
            assertThat(sla.calendars().of("inbound-apac"))
                    .isEqualTo(BusinessCalendar.officeHours(ZoneId.of("Asia/Singapore"))
                            .withHolidays(LocalDate.parse("2026-12-25"), LocalDate.parse("2027-01-01")));
        });
    }

    @Test
    void defaultCalendarIsWeekdaysNineToFiveUtcWhenNothingIsConfigured() {
        context.withPropertyValues("leadloop.handoff.reps[0].id=rep-ana", "leadloop.handoff.sla.tiers.HOT=PT15M")
                .run(started -> {
                    SlaPolicy sla = started.getBean(SlaPolicy.class);

                    assertThat(sla.calendars().of("any-team")).isEqualTo(BusinessCalendar.officeHours(ZoneOffset.UTC));
                    assertThat(sla.dueAt(Priority.HOT, "any-team", Instant.parse("2026-03-06T17:30:00Z")))
                            .isEqualTo(Instant.parse("2026-03-09T09:15:00Z"));
                });
    }

    @Test
    void failsAtStartupOnAnIntervalThatEndsBeforeItStarts() {
        context.withPropertyValues("leadloop.handoff.reps[0].id=rep-ana",
                        "leadloop.handoff.calendars.inbound-emea.zone=Europe/Berlin",
                        "leadloop.handoff.calendars.inbound-emea.hours.MONDAY[0]=17:00-09:00")
                .run(started -> assertFailsWith(started, 
                        "leadloop.handoff.calendars.inbound-emea.hours.MONDAY: The working interval 17:00-09:00 ends "
                                + "before it starts"));
    }

    @Test
    void failsAtStartupOnOverlappingIntervals() {
        context.withPropertyValues("leadloop.handoff.reps[0].id=rep-ana",
                        "leadloop.handoff.default-calendar.hours.FRIDAY[0]=09:00-13:00",
                        "leadloop.handoff.default-calendar.hours.FRIDAY[1]=12:00-17:00")
                .run(started -> assertFailsWith(started, 
                        "leadloop.handoff.default-calendar: The working intervals 09:00-13:00 and 12:00-17:00 on "
                                + "FRIDAY overlap"));
    }

    @Test
    void failsAtStartupOnAnUnknownTimeZone() {
        context.withPropertyValues("leadloop.handoff.reps[0].id=rep-ana",
                        "leadloop.handoff.calendars.inbound-emea.zone=Europe/Berln")
                .run(started -> assertFailsWith(started, "leadloop.handoff.calendars.inbound-emea.zone: 'Europe/Berln'"));
    }

    @Test
    void failsAtStartupOnAHolidayThatIsNotADate() {
        context.withPropertyValues("leadloop.handoff.reps[0].id=rep-ana",
                        "leadloop.handoff.calendars.inbound-emea.holidays[0]=2026-12-32")
                .run(started -> assertFailsWith(started, "leadloop.handoff.calendars.inbound-emea.holidays: '2026-12-32'"));
    }

    /** The message names the offending key; it is somewhere in the chain the binder wraps it in. */
    private static void assertFailsWith(AssertableApplicationContext started, String message) {
        assertThat(started).hasFailed();
        assertThat(Stream.iterate(started.getStartupFailure(), Objects::nonNull, Throwable::getCause))
                .map(Throwable::getMessage)
                .anySatisfy(failure -> assertThat(failure).contains(message));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HandoffProperties.class)
    static class Properties {
    }
}
