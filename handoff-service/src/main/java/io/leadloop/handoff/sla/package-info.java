/**
 * When the first touch of a handed-off lead is due, in working time on the team's business calendar (time zone,
 * working hours, holidays, daylight saving). Reminders, breaches and escalation come later. Plain Java, no Spring,
 * no Kafka.
 */
package io.leadloop.handoff.sla;
