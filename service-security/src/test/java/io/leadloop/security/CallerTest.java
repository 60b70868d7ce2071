package io.leadloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The object-level rule: whose leads a caller may read or report on. */
class CallerTest {

    @Test
    void aRepActsOnlyOnTheirOwnLeads() {
        var ana = new Caller("u-ana", Set.of(Roles.SALES), "rep-ana", "inbound-emea");

        assertThat(ana.mayActOnLeadOf("rep-ana", "inbound-emea")).isTrue();
        assertThat(ana.mayActOnLeadOf("rep-bo", "inbound-emea")).isFalse();
        assertThat(ana.mayActOnLeadOf(null, null)).isFalse();
    }

    @Test
    void aSalesManagerActsOnTheirTeamsLeadsOnly() {
        var dana = new Caller("u-dana", Set.of(Roles.SALES_MANAGER), null, "inbound-emea");

        assertThat(dana.mayActOnLeadOf("rep-ana", "inbound-emea")).isTrue();
        assertThat(dana.mayActOnLeadOf("rep-bo", "inbound-apac")).isFalse();
        assertThat(dana.mayActOnLeadOf("rep-cy", null)).isFalse();
    }

    @Test
    void aTeamClaimWithoutTheManagerRoleGivesNothing() {
        var rep = new Caller("u-ana", Set.of(Roles.SALES), "rep-ana", "inbound-emea");

        assertThat(rep.mayActOnLeadOf("rep-bo", "inbound-emea")).isFalse();
    }

    @Test
    void adminsAndIntegrationsActOnEveryLead() {
        assertThat(new Caller("u-root", Set.of(Roles.ADMIN), null, null).mayActOnLeadOf("rep-bo", "x")).isTrue();
        assertThat(new Caller("api-key:crm", Set.of(Roles.INTEGRATION), null, null).mayActOnLeadOf(null, null))
                .isTrue();
    }

    @Test
    void marketingActsOnNoOnesLeads() {
        assertThat(new Caller("u-mia", Set.of(Roles.MARKETING), null, null).mayActOnLeadOf("rep-ana", "x")).isFalse();
    }

    @Test
    void openCallersAllowEverythingAndEnforcingOnesNeedAnAuthenticatedCaller() {
        assertThat(Callers.open().mayActOnLeadOf("rep-ana", "x")).isTrue();
        assertThat(Callers.enforcing().mayActOnLeadOf("rep-ana", "x")).isFalse();
    }
}
