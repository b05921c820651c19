package dev.lifeline.console.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window counters for sign-in attempts, per e-mail address (failures only) and per client IP (every attempt).
 * In memory: one console instance, and a restart forgives (acceptable for a brute-force brake; a shared store is
 * needed before the console runs several replicas). Plain class, unit-tested without Quarkus.
 */
public final class SignInLimiter {

    private record Window(Instant start, int count) {}

    private final int perEmail;
    private final int perIp;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> counters = new ConcurrentHashMap<>();

    public SignInLimiter(int perEmail, int perIp, Duration window, Clock clock) {
        this.perEmail = perEmail;
        this.perIp = perIp;
        this.window = window;
        this.clock = clock;
    }

    /** Counts this attempt against the IP; empty when it may go ahead, else how long to wait. */
    public Optional<Duration> attempt(String ip, String email) {
        Instant now = clock.instant();
        Window byIp = counters.compute("ip:" + ip, (k, w) -> bump(w, now));
        if (byIp.count() > perIp) {
            return Optional.of(remaining(byIp, now));
        }
        Window byEmail = counters.get("email:" + email);
        if (byEmail != null && !expired(byEmail, now) && byEmail.count() >= perEmail) {
            return Optional.of(remaining(byEmail, now));
        }
        return Optional.empty();
    }

    public void failed(String email) {
        counters.compute("email:" + email, (k, w) -> bump(w, clock.instant()));
    }

    public void succeeded(String email) {
        counters.remove("email:" + email);
    }

    /** Drops windows that have ended, so the map does not grow with every address ever tried. */
    public void sweep() {
        Instant now = clock.instant();
        counters.entrySet().removeIf(e -> expired(e.getValue(), now));
    }

    private Window bump(Window w, Instant now) {
        return w == null || expired(w, now) ? new Window(now, 1) : new Window(w.start(), w.count() + 1);
    }

    private boolean expired(Window w, Instant now) {
        return !now.isBefore(w.start().plus(window));
    }

    private Duration remaining(Window w, Instant now) {
        return Duration.between(now, w.start().plus(window));
    }
}
