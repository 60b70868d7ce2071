/**
 * Whether a lead may be handed to sales at all: a person who declined sales contact never is, whatever the score;
 * where opt-in is required (some jurisdictions), neither is one whose consent is unknown. Plain Java.
 */
package io.leadloop.handoff.consent;
