package dev.lifeline.console.team;

import dev.lifeline.console.account.Business;
import dev.lifeline.console.account.ConsoleUser;
import dev.lifeline.console.config.ConsoleConfig;
import dev.lifeline.console.session.OneTimeToken;
import dev.lifeline.console.session.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A business's team: invitations, joining, roles and removal. Every method is one short transaction and sends no
 * mail (callers mail after it committed). Everything is scoped by the caller's business: another business's member
 * or invitation id finds nothing. Role changes and removals lock the business's row, so two owners demoting each
 * other at once cannot leave it without an owner.
 */
@ApplicationScoped
public class Team {

    /** What an invitation did: its link's token, or a refusal for one form field. */
    public sealed interface Invited {
        record Sent(String token, String businessName) implements Invited {}

        record Refused(String field, String message) implements Invited {}
    }

    /** The refusal for a member id this business does not have (unknown, removed, or another business's). */
    public static final String NO_SUCH_MEMBER = "There is no such member in your team.";

    private final ConsoleConfig config;
    private final Clock clock;

    public Team(ConsoleConfig config) {
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public TeamViews.Page page(
            ConsoleUser viewer, Map<String, String> errors, Map<String, String> entered, String notice) {
        Business business = Business.findById(viewer.businessId);
        Instant now = clock.instant();
        List<TeamViews.Member> members = ConsoleUser.<ConsoleUser>list("businessId", viewer.businessId).stream()
                .sorted(Comparator.comparing((ConsoleUser u) -> u.createdAt).thenComparing(u -> u.email))
                .map(u -> new TeamViews.Member(u.id.toString(), u.email, u.role, u.createdAt, u.id.equals(viewer.id)))
                .toList();
        List<TeamViews.Pending> invitations = Invitation.<Invitation>list("businessId", viewer.businessId).stream()
                .sorted(Comparator.comparing((Invitation i) -> i.createdAt))
                .map(i -> new TeamViews.Pending(
                        i.id.toString(), i.email, i.role, i.expiresAt, !OneTimeToken.live(i.expiresAt, now)))
                .toList();
        return new TeamViews.Page(business.name, members, invitations, errors, entered, notice);
    }

    /** Records the invitation (replacing an earlier one of the same address in this business). */
    @Transactional
    public Invited invite(ConsoleUser by, String email, Role role) {
        Optional<ConsoleUser> existing = ConsoleUser.byEmail(email);
        if (existing.isPresent()) {
            return new Invited.Refused(
                    "email",
                    existing.get().businessId.equals(by.businessId)
                            ? "This address is already a member of your team."
                            : "This address already has a Lifeline account of its own; invite another address.");
        }
        Invitation.delete("businessId = ?1 and email = ?2", by.businessId, email);
        Invitation.flush();
        OneTimeToken token = OneTimeToken.issue(clock.instant(), config.invitationTtl());
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.businessId = by.businessId;
        invitation.email = email;
        invitation.role = role.column();
        invitation.tokenHash = token.hash();
        invitation.createdAt = clock.instant();
        invitation.expiresAt = token.expiresAt();
        invitation.persist();
        Business business = Business.findById(by.businessId);
        return new Invited.Sent(token.token(), business.name);
    }

    /** False when the business has no such invitation. */
    @Transactional
    public boolean revoke(ConsoleUser by, UUID invitationId) {
        return Invitation.delete("id = ?1 and businessId = ?2", invitationId, by.businessId) > 0;
    }

    /** Why the change was refused, or empty when it was made. An unknown member is refused too. */
    @Transactional
    public Optional<String> changeRole(ConsoleUser by, UUID memberId, Role role) {
        Optional<ConsoleUser> member = lockedMember(by, memberId);
        if (member.isEmpty()) {
            return Optional.of(NO_SUCH_MEMBER);
        }
        Optional<String> refusal =
                LastOwnerRule.refusal(owners(by.businessId), roleOf(member.get()), Optional.of(role));
        if (refusal.isEmpty()) {
            member.get().role = role.column();
        }
        return refusal;
    }

    /** Removes the member and with it every session of theirs (the rows cascade): they are signed out at once. */
    @Transactional
    public Optional<String> remove(ConsoleUser by, UUID memberId) {
        Optional<ConsoleUser> member = lockedMember(by, memberId);
        if (member.isEmpty()) {
            return Optional.of(NO_SUCH_MEMBER);
        }
        Optional<String> refusal = LastOwnerRule.refusal(owners(by.businessId), roleOf(member.get()), Optional.empty());
        if (refusal.isEmpty()) {
            member.get().delete();
        }
        return refusal;
    }

    /** The invitation of a link that still works, for its page. */
    @Transactional
    public Optional<TeamViews.Joining> joining(String token) {
        return live(token, false)
                .map(i -> new TeamViews.Joining(Business.<Business>findById(i.businessId).name, i.email, i.role));
    }

    /**
     * The invitee joins with the password's hash: the member is created and the invitation is gone, in one
     * transaction holding the invitation's lock (a double click makes one member). Empty when the link does not work
     * or the address got an account meanwhile.
     */
    @Transactional
    public Optional<ConsoleUser> accept(String token, String passwordHash) {
        Optional<Invitation> found = live(token, true);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Invitation invitation = found.get();
        invitation.delete();
        if (ConsoleUser.byEmail(invitation.email).isPresent()) {
            return Optional.empty();
        }
        ConsoleUser user = new ConsoleUser();
        user.id = UUID.randomUUID();
        user.businessId = invitation.businessId;
        user.email = invitation.email;
        user.passwordHash = passwordHash;
        user.role = invitation.role;
        user.createdAt = clock.instant();
        user.persist();
        return Optional.of(user);
    }

    private Optional<Invitation> live(String token, boolean lock) {
        if (!OneTimeToken.plausible(token)) {
            return Optional.empty();
        }
        var query = Invitation.find("tokenHash", Tokens.hash(token));
        if (lock) {
            query = query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        Optional<Invitation> invitation = query.firstResultOptional();
        return invitation.filter(i -> OneTimeToken.live(i.expiresAt, clock.instant()));
    }

    private static Optional<ConsoleUser> lockedMember(ConsoleUser by, UUID memberId) {
        Business.findById(by.businessId, LockModeType.PESSIMISTIC_WRITE);
        return ConsoleUser.<ConsoleUser>find("id = ?1 and businessId = ?2", memberId, by.businessId)
                .firstResultOptional();
    }

    private static long owners(UUID businessId) {
        return ConsoleUser.count("businessId = ?1 and role = ?2", businessId, Role.OWNER.column());
    }

    private static Role roleOf(ConsoleUser user) {
        return Role.parse(user.role).orElse(Role.STAFF);
    }
}
