/**
 * The reference CRM connector (optional, off unless {@code leadloop.handoff.delivery.url} is set): delivers every
 * {@code LeadHandedOff} to an HTTP endpoint as JSON, signed with HMAC-SHA256, retried with exponential backoff
 * (honouring {@code 429}/{@code Retry-After}), dead-lettered after exhaustion, in per-lead (partition) order.
 */
package io.leadloop.handoff.delivery;
