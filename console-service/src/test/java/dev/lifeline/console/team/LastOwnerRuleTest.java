package dev.lifeline.console.team;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LastOwnerRuleTest {

    @Test
    void theOnlyOwnerCannotBecomeStaff() {
        assertThat(LastOwnerRule.refusal(1, Role.OWNER, Optional.of(Role.STAFF)))
                .hasValueSatisfying(m -> assertThat(m).contains("last owner cannot become staff"));
    }

    @Test
    void theOnlyOwnerCannotBeRemoved() {
        assertThat(LastOwnerRule.refusal(1, Role.OWNER, Optional.empty()))
                .hasValueSatisfying(m -> assertThat(m).contains("last owner cannot be removed"));
    }

    @Test
    void oneOfTwoOwnersMayBeDemotedOrRemoved() {
        assertThat(LastOwnerRule.refusal(2, Role.OWNER, Optional.of(Role.STAFF)))
                .isEmpty();
        assertThat(LastOwnerRule.refusal(2, Role.OWNER, Optional.empty())).isEmpty();
    }

    @Test
    void theOnlyOwnerStayingOwnerIsNoChangeToRefuse() {
        assertThat(LastOwnerRule.refusal(1, Role.OWNER, Optional.of(Role.OWNER)))
                .isEmpty();
    }

    @Test
    void staffMayAlwaysBePromotedOrRemoved() {
        assertThat(LastOwnerRule.refusal(1, Role.STAFF, Optional.of(Role.OWNER)))
                .isEmpty();
        assertThat(LastOwnerRule.refusal(1, Role.STAFF, Optional.empty())).isEmpty();
    }

    @Test
    void onlyOwnerAndStaffAreRoles() {
        assertThat(Role.parse("owner")).contains(Role.OWNER);
        assertThat(Role.parse("staff")).contains(Role.STAFF);
        assertThat(Role.parse("admin")).isEmpty();
        assertThat(Role.parse("OWNER")).isEmpty();
        assertThat(Role.parse(null)).isEmpty();
    }
}
