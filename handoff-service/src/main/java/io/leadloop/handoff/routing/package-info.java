/**
 * Who gets a qualified lead: the rep roster and the routing rules (round robin in the skeleton; account ownership,
 * territory, segment, skills and weighted round robin arrive with issue 5). Plain Java, no Spring, no Kafka.
 */
package io.leadloop.handoff.routing;
