package dev.lifeline.kit.egress;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP to tenant-defined URLs. Each hop resolves the host once through the {@link EgressGuard}, and the connection
 * goes to that checked address ({@link RequestOptions#setServer}) while the URL keeps its host for the Host header
 * and for TLS (SNI, certificate host name). The JDK client cannot pin an address, hence Vert.x. Redirects are
 * followed here, hop by hop, so every hop is checked; bodies are read up to a cap.
 */
public final class GuardedHttpClient implements AutoCloseable {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final Vertx vertx;
    private final EgressGuard guard;
    private final HttpClient client;

    public GuardedHttpClient(Vertx vertx, EgressGuard guard, Duration connectTimeout, int maxConnectionsPerHost) {
        this.vertx = vertx;
        this.guard = guard;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setMaxPoolSize(maxConnectionsPerHost)
                .setVerifyHost(true)
                // A connection per request: each is made to the address just checked, never one that an earlier
                // resolution of the same name chose; and a server's half-closed idle connection cannot stall a probe.
                .setKeepAlive(false));
    }

    /**
     * GET following up to {@code maxRedirects} redirects (one more fails the request). {@code guarded=false} is for operator-defined targets (the
     * catalogue), which the policy does not apply to.
     */
    public CompletableFuture<EgressResponse> get(
            URI uri, Map<String, String> headers, Duration timeout, int bodyCap, int maxRedirects, boolean guarded) {
        return exchange(HttpMethod.GET, uri, headers, null, timeout, bodyCap, maxRedirects, guarded)
                .toCompletionStage()
                .toCompletableFuture();
    }

    /** POST to a tenant's URL; redirects are not followed (a 3xx is the answer). */
    public CompletableFuture<EgressResponse> post(
            URI uri, Map<String, String> headers, String body, Duration timeout, int bodyCap) {
        return exchange(HttpMethod.POST, uri, headers, Buffer.buffer(body), timeout, bodyCap, -1, true)
                .toCompletionStage()
                .toCompletableFuture();
    }

    private Future<EgressResponse> exchange(
            HttpMethod method,
            URI uri,
            Map<String, String> headers,
            Buffer body,
            Duration timeout,
            int cap,
            int redirectsLeft,
            boolean guarded) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Future.failedFuture(new IOException("not an absolute http or https URL"));
        }
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        Future<InetAddress> address =
                guarded ? vertx.executeBlocking(() -> guard.resolve(host), false) : Future.succeededFuture(null);
        return address.compose(ip -> {
                    RequestOptions options = new RequestOptions()
                            .setMethod(method)
                            .setAbsoluteURI(uri.toString())
                            .setFollowRedirects(false)
                            .setConnectTimeout(timeout.toMillis())
                            .setIdleTimeout(timeout.toMillis());
                    if (ip != null) {
                        options.setServer(SocketAddress.inetSocketAddress(port, ip.getHostAddress()));
                    }
                    headers.forEach(options::putHeader);
                    return client.request(options)
                            .compose(request -> body == null ? request.send() : request.send(body))
                            .compose(response -> read(response, cap)
                                    .map(bytes -> new Answer(response.statusCode(), bytes, response.headers())));
                })
                .compose(answer -> {
                    String location = answer.headers.get("Location");
                    if (!REDIRECTS.contains(answer.status) || location == null || redirectsLeft < 0) {
                        return Future.succeededFuture(new EgressResponse(answer.status, answer.body));
                    }
                    if (redirectsLeft == 0) {
                        return Future.failedFuture(new IOException("too many redirects"));
                    }
                    URI next;
                    try {
                        next = uri.resolve(location);
                    } catch (IllegalArgumentException e) {
                        return Future.failedFuture(new IOException("redirect to an invalid URL"));
                    }
                    return exchange(method, next, headers, null, timeout, cap, redirectsLeft - 1, guarded);
                });
    }

    private record Answer(int status, byte[] body, MultiMap headers) {}

    /** At most {@code cap} bytes; past that the stream is reset, so an endless body costs nothing more. */
    private static Future<byte[]> read(HttpClientResponse response, int cap) {
        Promise<byte[]> done = Promise.promise();
        Buffer buffer = Buffer.buffer();
        response.handler(chunk -> {
            if (done.future().isComplete()) {
                return;
            }
            int room = cap - buffer.length();
            if (chunk.length() >= room) {
                buffer.appendBuffer(chunk, 0, Math.max(room, 0));
                done.tryComplete(buffer.getBytes());
                response.request().reset();
            } else {
                buffer.appendBuffer(chunk);
            }
        });
        response.endHandler(v -> done.tryComplete(buffer.getBytes()));
        response.exceptionHandler(done::tryFail);
        return done.future();
    }

    @Override
    public void close() {
        client.close();
    }
}
