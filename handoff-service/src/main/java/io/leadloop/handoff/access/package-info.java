/**
 * Who may call the handoff API (issue 9): the URL rules per role, and the object-level checks the controllers
 * make — a rep sees only their own handoffs and queue, a sales manager their team's, admins and integrations all.
 * Off, like every check of {@code service-security}, until an issuer or a key is configured.
 */
package io.leadloop.handoff.access;
