package dev.lifeline.monitor.probe;

import dev.lifeline.events.outage.Severity;
import dev.lifeline.monitor.health.ProbeOutcome;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one probe, with its timeout and retries (exponential backoff with full jitter). Never throws and never
 * completes exceptionally: every failure becomes a FAILED result, so one broken probe cannot break the loop that
 * runs the others. HTTP is asynchronous; DNS and TCP block on {@code blockingPool}, which is bounded.
 */
public final class ProbeExecutor {

    static final int BODY_CAP = 256 * 1024;
    private static final long BACKOFF_BASE_MS = 200;

    private final HttpClient http;
    private final Executor blockingPool;
    private final Clock clock;

    public ProbeExecutor(HttpClient http, Executor blockingPool, Clock clock) {
        this.http = http;
        this.blockingPool = blockingPool;
        this.clock = clock;
    }

    public CompletableFuture<ProbeResult> run(ProbeDefinition probe) {
        return attempt(probe, 1);
    }

    private CompletableFuture<ProbeResult> attempt(ProbeDefinition probe, int n) {
        return once(probe).thenCompose(result -> {
            if (result.outcome() != ProbeOutcome.FAILED || n > probe.retries()) {
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
        return verdict
                .orTimeout(probe.timeout().toMillis() + 50, TimeUnit.MILLISECONDS)
                .exceptionally(ProbeExecutor::fromError)
                .thenApply(v -> new ProbeResult(probe.id(), probe.platformId(), probe.kind(), v.outcome(), v.severity(),
                        (System.nanoTime() - startNanos) / 1_000_000, v.detail(), started, 1));
    }

    private CompletableFuture<Verdict> http(ProbeDefinition probe, long startNanos) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(probe.target()))
                .timeout(probe.timeout())
                .header("User-Agent", "lifeline-monitor")
                .GET().build();
        return http.sendAsync(request, CappedBody.handler(BODY_CAP)).thenApply(response -> {
            long latency = (System.nanoTime() - startNanos) / 1_000_000;
            return switch (probe.kind()) {
                case STATUSPAGE -> StatuspageJudge.judge(probe, response.statusCode(), response.body());
                case META_STATUS -> MetaStatusJudge.judge(probe, response.statusCode(), response.body());
                default -> HttpJudge.judge(probe, response.statusCode(), response.body(), latency);
            };
        });
    }

    private Verdict dns(ProbeDefinition probe) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(probe.target());
            return Verdict.ok("resolved " + addresses.length + " address(es)");
        } catch (IOException e) {
            return Verdict.failed(Severity.MAJOR, "does not resolve");
        }
    }

    private Verdict tcp(ProbeDefinition probe) {
        int colon = probe.target().lastIndexOf(':');
        String host = probe.target().substring(0, colon);
        int port = Integer.parseInt(probe.target().substring(colon + 1));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) probe.timeout().toMillis());
            return Verdict.ok("connected");
        } catch (IOException e) {
            return Verdict.failed(Severity.MAJOR, "connect failed");
        }
    }

    /** Names the kind of failure only: exception messages may carry URLs with credentials. */
    static Verdict fromError(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return Verdict.failed(Severity.MAJOR, "timeout");
        }
        if (cause instanceof java.net.ConnectException) {
            return Verdict.failed(Severity.MAJOR, "connection refused");
        }
        if (cause instanceof IOException) {
            return Verdict.failed(Severity.MAJOR, "I/O error: " + cause.getClass().getSimpleName());
        }
        return Verdict.failed(Severity.MAJOR, "probe error: " + cause.getClass().getSimpleName());
    }

    public static HttpClient defaultClient(Duration connectTimeout, Executor executor) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(executor)
                .build();
    }
}
