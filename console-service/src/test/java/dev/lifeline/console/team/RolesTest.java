package dev.lifeline.console.team;

import dev.lifeline.console.account.ConsoleUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolesTest {

    @Test
    void anOwnerPasses_staffAndUnknownRolesAreRefused() {
        assertThatCode(() -> Roles.requireOwner(user("owner"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Roles.requireOwner(user("staff"))).isInstanceOf(OwnerOnlyException.class);
        assertThatThrownBy(() -> Roles.requireOwner(user(null))).isInstanceOf(OwnerOnlyException.class);
    }

    private static ConsoleUser user(String role) {
        ConsoleUser user = new ConsoleUser();
        user.role = role;
        return user;
    }
}
