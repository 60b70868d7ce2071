/**
 * Handing qualified leads to reps: the Kafka Streams topology that turns MQL {@code LeadScored} events into
 * {@code LeadHandedOff} events once per lead, its state stores, and reads of them.
 */
package io.leadloop.handoff.assignment;
