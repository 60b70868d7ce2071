/**
 * Who may call the feedback API (issue 9): reps record outcomes only for leads handed to them, sales managers for
 * their team's, integrations and admins for all; the numbers are read by any authenticated caller; CRM webhooks
 * keep their own signature checks. Off until an issuer or a key is configured ({@code service-security}).
 */
package io.leadloop.feedback.access;
