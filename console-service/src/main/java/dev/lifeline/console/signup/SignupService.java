package dev.lifeline.console.signup;

import dev.lifeline.console.account.Accounts;
import dev.lifeline.console.account.ConsoleUser;
import dev.lifeline.console.account.PasswordHasher;
import dev.lifeline.console.config.ConsoleConfig;
import dev.lifeline.console.session.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Self sign-up: a pending sign-up and its verification mail, then the business once the link is followed. */
@ApplicationScoped
public class SignupService {

    /** What following a verification link did. */
    public enum Verified {
        CREATED,
        INVALID
    }

    private final ConsoleConfig config;
    private final PasswordHasher hasher;
    private final SignupMails mails;
    private final Accounts accounts;

    public SignupService(ConsoleConfig config, PasswordHasher hasher, SignupMails mails, Accounts accounts) {
        this.config = config;
        this.hasher = hasher;
        this.mails = mails;
        this.accounts = accounts;
    }

    /** Records the sign-up (replacing an earlier pending one of the same address) and mails the link. */
    @Transactional
    public void start(SignupForm form) {
        if (ConsoleUser.byEmail(form.email()).isPresent()) {
            mails.alreadyRegistered(form.email());
            return;
        }
        PendingSignup.delete("email", form.email());
        String token = Tokens.random();
        PendingSignup pending = new PendingSignup();
        pending.id = UUID.randomUUID();
        pending.email = form.email();
        pending.passwordHash = hasher.hash(form.password());
        pending.businessName = form.businessName();
        pending.defaultRegion = form.region();
        pending.timeZone = form.timeZone();
        pending.platformIds = String.join(",", form.platformIds());
        pending.tokenHash = Tokens.hash(token);
        pending.createdAt = Instant.now();
        pending.expiresAt = pending.createdAt.plus(config.verificationTtl());
        pending.persist();
        mails.verification(form.email(), form.businessName(), token);
    }

    /** The business name of a link that still works, for the confirmation page. */
    @Transactional
    public Optional<String> pendingName(String token) {
        return live(token, false).map(p -> p.businessName);
    }

    /**
     * Creates the tenant and the owner. The pending row stays locked meanwhile, so a double click creates one
     * business; if contact-service fails, the row (and the link) stay for another try.
     */
    @Transactional
    public Verified verify(String token) {
        Optional<PendingSignup> found = live(token, true);
        if (found.isEmpty()) {
            return Verified.INVALID;
        }
        PendingSignup pending = found.get();
        List<String> platforms =
                pending.platformIds.isEmpty() ? List.of() : Arrays.asList(pending.platformIds.split(","));
        accounts.createBusiness(
                pending.businessName,
                pending.defaultRegion,
                pending.timeZone,
                platforms,
                pending.email,
                pending.passwordHash,
                () -> Slugs.from(pending.businessName));
        pending.delete();
        return Verified.CREATED;
    }

    /** Whether the address waits for verification and the password is its password (for the sign-in's message). */
    @Transactional
    public boolean isPendingWith(String email, String password) {
        Optional<PendingSignup> pending = PendingSignup.find("email", email).firstResultOptional();
        return pending.isPresent() && hasher.matches(password, pending.get().passwordHash);
    }

    private Optional<PendingSignup> live(String token, boolean lock) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        var query = PendingSignup.find("tokenHash", Tokens.hash(token));
        if (lock) {
            query = query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        Optional<PendingSignup> pending = query.firstResultOptional();
        return pending.filter(p -> p.expiresAt.isAfter(Instant.now()));
    }
}
