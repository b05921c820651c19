package dev.lifeline.console.team;

import dev.lifeline.console.account.ConsoleUser;

/**
 * The one place that decides what is an owner's: every owner-only page and form (Settings with its sender, domains,
 * platforms, time zone, API keys, and the team) calls {@link #requireOwner} before it reads or changes anything.
 */
public final class Roles {

    private Roles() {}

    public static boolean isOwner(ConsoleUser user) {
        return Role.OWNER.column().equals(user.role);
    }

    /** @throws OwnerOnlyException for staff: a 403 page ({@code web/ErrorPages}) */
    public static void requireOwner(ConsoleUser user) {
        if (!isOwner(user)) {
            throw new OwnerOnlyException();
        }
    }
}
