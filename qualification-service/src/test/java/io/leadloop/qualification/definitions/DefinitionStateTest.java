package io.leadloop.qualification.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.leadloop.qualification.scoring.DefinitionParameters;

class DefinitionStateTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private final DefinitionState proposed = DefinitionState.proposed(
            DefinitionDocument.of("v2", DefinitionParameters.BUILTIN), "mia", T0);

    @Test
    void becomesActiveOnlyOnceMarketingAndSalesApproved() {
        DefinitionState marketingApproved = proposed.approve("mia", "marketing", T0.plusSeconds(60));
        assertThat(marketingApproved.activated()).isFalse();

        DefinitionState secondMarketer = marketingApproved.approve("max", "Marketing", T0.plusSeconds(90));
        assertThat(secondMarketer.activated()).isFalse();

        DefinitionState bothApproved = secondMarketer.approve("sam", "sales", T0.plusSeconds(120));
        assertThat(bothApproved.activated()).isTrue();
        assertThat(bothApproved.activatedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(bothApproved.approvals()).extracting(Approval::team).containsExactly("marketing", "marketing", "sales");
    }

    @Test
    void refusesTheSamePersonApprovingForBothTeams() {
        DefinitionState marketingApproved = proposed.approve("mia", "marketing", T0);

        assertThatThrownBy(() -> marketingApproved.approve("MIA", "sales", T0.plusSeconds(1)))
                .isInstanceOf(ApprovalConflictException.class).hasMessageContaining("already approved");
    }

    @Test
    void refusesApprovalsOfAnActiveVersion() {
        DefinitionState active = proposed.approve("mia", "marketing", T0).approve("sam", "sales", T0);

        assertThatThrownBy(() -> active.approve("max", "sales", T0)).isInstanceOf(ApprovalConflictException.class);
    }

    @Test
    void refusesUnknownTeamsAndNamelessApprovers() {
        assertThatIllegalArgumentException().isThrownBy(() -> proposed.approve("mia", "finance", T0));
        assertThatIllegalArgumentException().isThrownBy(() -> proposed.approve(" ", "sales", T0));
    }
}
