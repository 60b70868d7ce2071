/**
 * Who gets a qualified lead: the rep roster and the routing rules (account ownership, territory, segment, skills,
 * weighted round robin; capacity, daily caps, working hours, out of office). Plain Java, no Spring, no Kafka.
 */
package io.leadloop.handoff.routing;
