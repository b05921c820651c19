package dev.lifeline.console.session;

import dev.lifeline.console.account.ConsoleUser;
import dev.lifeline.console.config.ConsoleConfig;
import dev.lifeline.console.web.Viewer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/** Creates, finds and ends sessions. */
@ApplicationScoped
public class Sessions {

    public static final String COOKIE = "lifeline_session";

    private final ConsoleConfig config;
    private final Viewer viewer;

    public Sessions(ConsoleConfig config, Viewer viewer) {
        this.config = config;
        this.viewer = viewer;
    }

    /** A new session for the user; returns the cookie's token (shown to the browser only). */
    @Transactional
    public String start(ConsoleUser user) {
        String token = Tokens.random();
        ConsoleSession session = new ConsoleSession();
        session.tokenHash = Tokens.hash(token);
        session.userId = user.id;
        session.createdAt = Instant.now();
        session.expiresAt = session.createdAt.plus(config.sessions().ttl());
        session.persist();
        return token;
    }

    @Transactional
    public Optional<ConsoleUser> user(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        ConsoleSession session = ConsoleSession.findById(Tokens.hash(token));
        if (session == null || session.expiresAt.isBefore(Instant.now())) {
            return Optional.empty();
        }
        // A removed member's row is gone (and its sessions with it); a changed role counts from the next request.
        Optional<ConsoleUser> user = ConsoleUser.findByIdOptional(session.userId);
        user.ifPresent(viewer::signedIn);
        return user;
    }

    @Transactional
    public void end(String token) {
        if (token != null && !token.isBlank()) {
            ConsoleSession.deleteById(Tokens.hash(token));
        }
    }

    public long cookieMaxAgeSeconds() {
        return config.sessions().ttl().toSeconds();
    }

    @Scheduled(every = "1h", delayed = "1m")
    @Transactional
    void purgeExpired() {
        ConsoleSession.delete("expiresAt < ?1", Instant.now());
    }
}
