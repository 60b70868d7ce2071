/**
 * When the first touch of a handed-off lead is due. Wall-clock in the skeleton; issue 5 brings business calendars,
 * reminders, breaches and escalation. Plain Java, no Spring, no Kafka.
 */
package io.leadloop.handoff.sla;
