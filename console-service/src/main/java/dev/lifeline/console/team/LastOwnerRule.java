package dev.lifeline.console.team;

import java.util.Optional;

/**
 * A business always keeps an owner: nobody could otherwise manage its keys, sender or team again. Plain, unit-tested
 * without Quarkus; {@link Team} applies it under a lock of the business's row.
 */
public final class LastOwnerRule {

    private LastOwnerRule() {}

    /**
     * Why the change is refused, or empty when it may go ahead.
     *
     * @param owners how many owners the business has now
     * @param current the member's role now
     * @param after the member's role after the change; empty when the member is removed
     */
    public static Optional<String> refusal(long owners, Role current, Optional<Role> after) {
        boolean losesAnOwner =
                current == Role.OWNER && after.map(r -> r != Role.OWNER).orElse(true);
        if (losesAnOwner && owners <= 1) {
            return Optional.of(
                    after.isPresent()
                            ? "The last owner cannot become staff: make someone else an owner first."
                            : "The last owner cannot be removed: make someone else an owner first.");
        }
        return Optional.empty();
    }
}
