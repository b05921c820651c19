package dev.lifeline.console.team;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the Team page and the invitation's page show. */
public final class TeamViews {

    private TeamViews() {}

    /** A member of the business; {@code you} is the person looking at the page. */
    public record Member(String id, String email, String role, Instant since, boolean you) {}

    /** An invitation not accepted yet; {@code expired} ones stay listed until revoked or sent again. */
    public record Pending(String id, String email, String role, Instant expiresAt, boolean expired) {}

    /** The Team page: members, invitations, one form's errors and what was typed, a notice. */
    public record Page(
            String businessName,
            List<Member> members,
            List<Pending> invitations,
            Map<String, String> errors,
            Map<String, String> entered,
            String notice) {}

    /** An invitation's link as its page shows it, before the invitee chose a password. */
    public record Joining(String businessName, String email, String role) {}
}
