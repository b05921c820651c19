package dev.lifeline.console.team;

import java.util.Arrays;
import java.util.Optional;

/** What a team member may do: an owner everything, staff the daily work (see console-service/README.md). */
public enum Role {
    OWNER("owner"),
    STAFF("staff");

    private final String column;

    Role(String column) {
        this.column = column;
    }

    /** As stored in {@code console_user.role} and sent by the forms. */
    public String column() {
        return column;
    }

    public static Optional<Role> parse(String value) {
        return Arrays.stream(values()).filter(r -> r.column.equals(value)).findFirst();
    }
}
