package dev.lifeline.console.session;

import dev.lifeline.console.account.ConsoleUser;
import dev.lifeline.console.config.ConsoleConfig;
import dev.lifeline.console.mail.BoundedMailer;
import io.quarkus.mailer.Mail;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-in by a mailed link: single use (the row is deleted when it signs in), short-lived
 * ({@code lifeline.console.sign-in-link-ttl}). Asking for one answers the same whether the address has an account or
 * not; the mail goes out in the background so that not even the answer's time tells.
 */
@ApplicationScoped
public class SignInLinks {

    private final ConsoleConfig config;
    private final BoundedMailer mailer;

    public SignInLinks(ConsoleConfig config, BoundedMailer mailer) {
        this.config = config;
        this.mailer = mailer;
    }

    /** Mails a link to the address if it belongs to a member; does nothing otherwise. */
    public void request(String email) {
        issue(email).ifPresent(token -> mailer.sendLater(mail(email, token), "sign-in link"));
    }

    /** Whether the link still works, for its page (which changes nothing: mail scanners open links). */
    @Transactional
    public boolean works(String token) {
        return live(token, false).isPresent();
    }

    /** The member the link signs in, once: the link is dead afterwards. Empty for a dead link. */
    @Transactional
    public Optional<ConsoleUser> use(String token) {
        Optional<SignInLink> link = live(token, true);
        link.ifPresent(SignInLink::delete);
        return link.flatMap(l -> ConsoleUser.findByIdOptional(l.userId));
    }

    @Transactional
    Optional<String> issue(String email) {
        Optional<ConsoleUser> user = ConsoleUser.byEmail(email);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        OneTimeToken token = OneTimeToken.issue(Instant.now(), config.signInLinkTtl());
        SignInLink link = new SignInLink();
        link.tokenHash = token.hash();
        link.userId = user.get().id;
        link.createdAt = Instant.now();
        link.expiresAt = token.expiresAt();
        link.persist();
        return Optional.of(token.token());
    }

    private Mail mail(String to, String token) {
        String link =
                config.publicBaseUrl() + "/signin/link/open?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return Mail.withText(
                to,
                "Your Lifeline sign-in link",
                "Hello,\n\nsign in to Lifeline with this link:\n\n" + link + "\n\nIt works once, for "
                        + config.signInLinkTtl().toMinutes() + " minutes. If you did not ask for it, ignore this"
                        + " e-mail: nobody can sign in without opening it.\n");
    }

    private static Optional<SignInLink> live(String token, boolean lock) {
        if (!OneTimeToken.plausible(token)) {
            return Optional.empty();
        }
        var query = SignInLink.find("tokenHash", Tokens.hash(token));
        if (lock) {
            query = query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.<SignInLink>firstResultOptional().filter(l -> OneTimeToken.live(l.expiresAt, Instant.now()));
    }

    @Scheduled(every = "1h", delayed = "1m")
    @Transactional
    void purgeExpired() {
        SignInLink.delete("expiresAt < ?1", Instant.now());
    }
}
