package dev.lifeline.monitor.probe;

import dev.lifeline.events.outage.Severity;
import dev.lifeline.kit.egress.EgressGuard;
import dev.lifeline.kit.egress.EgressRefused;
import dev.lifeline.kit.egress.GuardedHttpClient;
import dev.lifeline.monitor.health.ProbeOutcome;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Runs one probe, with its timeout and retries (exponential backoff with full jitter). Never throws and never
 * completes exceptionally: every failure becomes a FAILED result, so one broken probe cannot break the loop that
 * runs the others. HTTP is asynchronous; DNS and TCP block on {@code blockingPool}, which is bounded.
 * <p>
 * Tenants' probes go through the {@link EgressGuard}: the target is resolved once, every address checked, and the
 * connection made to the checked address (redirects re-checked hop by hop). A refusal is a FAILED result whose detail
 * starts with {@value EgressRefused#PREFIX} and is not retried: asking again cannot make it allowed. Catalogue probes
 * ({@code trusted}) are the operator's and skip the guard.
 */
public final class ProbeExecutor {

    static final int BODY_CAP = 256 * 1024;
    static final int MAX_REDIRECTS = 5;
    private static final long BACKOFF_BASE_MS = 200;
    private static final Map<String, String> HEADERS = Map.of("User-Agent", "lifeline-monitor");

    private final GuardedHttpClient http;
    private final EgressGuard guard;
    private final Executor blockingPool;
    private final Clock clock;
    private final Predicate<ProbeDefinition> trusted;

    public ProbeExecutor(
            GuardedHttpClient http,
            EgressGuard guard,
            Executor blockingPool,
            Clock clock,
            Predicate<ProbeDefinition> trusted) {
        this.http = http;
        this.guard = guard;
        this.blockingPool = blockingPool;
        this.clock = clock;
        this.trusted = trusted;
    }

    public CompletableFuture<ProbeResult> run(ProbeDefinition probe) {
        return attempt(probe, 1);
    }

    private CompletableFuture<ProbeResult> attempt(ProbeDefinition probe, int n) {
        return once(probe).thenCompose(result -> {
            if (result.outcome() != ProbeOutcome.FAILED || n > probe.retries() || refused(result)) {
                return CompletableFuture.completedFuture(result.withAttempts(n));
            }
            long cap = BACKOFF_BASE_MS << Math.min(n - 1, 5);
            long delay = ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
            Executor later = CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS);
            return CompletableFuture.supplyAsync(() -> null, later).thenCompose(ignored -> attempt(probe, n + 1));
        });
    }

    private CompletableFuture<ProbeResult> once(ProbeDefinition probe) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        CompletableFuture<Verdict> verdict;
        try {
            verdict = switch (probe.kind()) {
                case HTTP, STATUSPAGE, META_STATUS -> http(probe, startNanos);
                case DNS -> CompletableFuture.supplyAsync(() -> dns(probe), blockingPool);
                case TCP -> CompletableFuture.supplyAsync(() -> tcp(probe), blockingPool);
            };
        } catch (RuntimeException e) {
            verdict = CompletableFuture.failedFuture(e);
        }
        return verdict.orTimeout(probe.timeout().toMillis() + 50, TimeUnit.MILLISECONDS)
                .exceptionally(ProbeExecutor::fromError)
                // Whoever takes the result records it in the database: never on the Vert.x event loop that may have
                // completed a failed HTTP probe.
                .thenApplyAsync(
                        v -> new ProbeResult(
                                probe.id(),
                                probe.platformId(),
                                probe.kind(),
                                v.outcome(),
                                v.severity(),
                                (System.nanoTime() - startNanos) / 1_000_000,
                                v.detail(),
                                started,
                                1),
                        blockingPool);
    }

    private static boolean refused(ProbeResult result) {
        return result.detail() != null && result.detail().startsWith(EgressRefused.PREFIX);
    }

    private CompletableFuture<Verdict> http(ProbeDefinition probe, long startNanos) {
        return http.get(
                        URI.create(probe.target()),
                        HEADERS,
                        probe.timeout(),
                        BODY_CAP,
                        MAX_REDIRECTS,
                        // Completed on a Vert.x event loop: a status page body is judged on the blocking pool instead.
                        !trusted.test(probe))
                .thenApplyAsync(
                        response -> {
                            long latency = (System.nanoTime() - startNanos) / 1_000_000;
                            return switch (probe.kind()) {
                                case STATUSPAGE -> StatuspageJudge.judge(probe, response.status(), response.body());
                                case META_STATUS -> MetaStatusJudge.judge(probe, response.status(), response.body());
                                default -> HttpJudge.judge(probe, response.status(), response.body(), latency);
                            };
                        },
                        blockingPool);
    }

    private Verdict dns(ProbeDefinition probe) {
        try {
            List<InetAddress> addresses = trusted.test(probe)
                    ? List.of(InetAddress.getAllByName(probe.target()))
                    : guard.resolveAll(probe.target());
            return Verdict.ok("resolved " + addresses.size() + " address(es)");
        } catch (EgressRefused e) {
            return Verdict.failed(Severity.MAJOR, e.detail());
        } catch (IOException e) {
            return Verdict.failed(Severity.MAJOR, "does not resolve");
        }
    }

    private Verdict tcp(ProbeDefinition probe) {
        int colon = probe.target().lastIndexOf(':');
        String host = probe.target().substring(0, colon);
        int port = Integer.parseInt(probe.target().substring(colon + 1));
        try (Socket socket = new Socket()) {
            InetAddress address = trusted.test(probe) ? InetAddress.getByName(host) : guard.resolve(host);
            socket.connect(
                    new InetSocketAddress(address, port), (int) probe.timeout().toMillis());
            return Verdict.ok("connected");
        } catch (EgressRefused e) {
            return Verdict.failed(Severity.MAJOR, e.detail());
        } catch (IOException e) {
            return Verdict.failed(Severity.MAJOR, "connect failed");
        }
    }

    /** Names the kind of failure only: exception messages may carry URLs with credentials. */
    static Verdict fromError(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof EgressRefused refused) {
            return Verdict.failed(Severity.MAJOR, refused.detail());
        }
        if (cause instanceof TimeoutException) {
            return Verdict.failed(Severity.MAJOR, "timeout");
        }
        if (cause instanceof ConnectException) {
            return Verdict.failed(Severity.MAJOR, "connection refused");
        }
        if (cause instanceof IOException) {
            return Verdict.failed(
                    Severity.MAJOR, "I/O error: " + cause.getClass().getSimpleName());
        }
        return Verdict.failed(Severity.MAJOR, "probe error: " + cause.getClass().getSimpleName());
    }
}
