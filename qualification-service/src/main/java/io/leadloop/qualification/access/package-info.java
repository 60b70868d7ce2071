/**
 * Who may call the qualification API (issue 9): marketing proposes lead definitions, only a
 * {@code marketing-approver} approves for marketing and a {@code sales-approver} for sales, and the approver is the
 * token's {@code sub}, never a name in the body. Reads are for any authenticated caller. Off until an issuer or a
 * key is configured ({@code service-security}).
 */
package io.leadloop.qualification.access;
