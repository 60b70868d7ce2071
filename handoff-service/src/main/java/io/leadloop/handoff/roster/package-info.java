/**
 * The rep roster: reps from configuration overlaid with the changes made through the API, which are published as
 * {@code RepRosterChanged} events on the compacted {@code handoff.roster.v1} topic (the roster's audit trail) and
 * read back from a Kafka Streams global store on every instance.
 */
package io.leadloop.handoff.roster;
