package dev.lifeline.kit.egress;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real HTTP server on loopback, reached through the name {@code allowed.test} (allow-listed, resolved to
 * 127.0.0.1 by the test resolver). Whatever else points at loopback is refused.
 */
class GuardedHttpClientTest {

    private static HttpServer server;
    private static Vertx vertx;
    private static GuardedHttpClient client;
    private static final AtomicInteger privateHits = new AtomicInteger();
    private static final AtomicReference<String> hostHeader = new AtomicReference<>();
    private static final AtomicReference<String> rebinding = new AtomicReference<>("93.184.216.34");

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int port = server.getAddress().getPort();
        server.createContext("/ok", ex -> {
            hostHeader.set(ex.getRequestHeaders().getFirst("Host"));
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/to-private", ex -> {
            ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/secret");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/to-allowed", ex -> {
            ex.getResponseHeaders().add("Location", "/ok");
            ex.sendResponseHeaders(301, -1);
            ex.close();
        });
        server.createContext("/loop", ex -> {
            ex.getResponseHeaders().add("Location", "/loop");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/secret", ex -> {
            privateHits.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.createContext("/big", ex -> {
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[8192];
            try {
                for (int i = 0; i < 1000; i++) {
                    ex.getResponseBody().write(chunk);
                }
            } catch (Exception stopped) {
                // the client stopped reading at its cap
            }
            ex.close();
        });
        server.start();
        EgressResolver resolver = host -> switch (host) {
            case "allowed.test" -> List.of(InetAddress.getLoopbackAddress());
            case "rebind.test" -> List.of(AddressPolicy.literal(rebinding.get()).orElseThrow());
            default -> throw new UnknownHostException(host);
        };
        vertx = Vertx.vertx();
        client = new GuardedHttpClient(
                vertx, new EgressGuard(List.of("allowed.test"), List.of(), resolver), Duration.ofSeconds(2), 8);
    }

    @AfterAll
    static void stop() {
        client.close();
        vertx.close();
        server.stop(0);
    }

    private static URI url(String host, String path) {
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + path);
    }

    private static EgressResponse get(URI uri) {
        return client.get(uri, Map.of(), Duration.ofSeconds(2), 1024, 5, true).join();
    }

    @Test
    void anAllowedHostIsReachedAndKeepsItsNameInTheHostHeader() {
        EgressResponse response = get(url("allowed.test", "/ok"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("ok");
        assertThat(hostHeader.get()).startsWith("allowed.test");
    }

    @Test
    void aLoopbackLiteralIsRefusedBeforeAnyConnection() {
        int before = privateHits.get();
        assertThatThrownBy(() -> get(url("127.0.0.1", "/secret")))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(EgressRefused.class)
                .cause()
                .hasMessageContaining("loopback");
        assertThat(privateHits.get()).isEqualTo(before);
    }

    @Test
    void aRedirectToAPrivateAddressIsRefusedAndNeverFollowed() {
        int before = privateHits.get();
        assertThatThrownBy(() -> get(url("allowed.test", "/to-private"))).hasCauseInstanceOf(EgressRefused.class);
        assertThat(privateHits.get()).isEqualTo(before);
    }

    @Test
    void aRedirectToAnAllowedPlaceIsFollowed() {
        assertThat(get(url("allowed.test", "/to-allowed")).status()).isEqualTo(200);
    }

    @Test
    void aRedirectLoopEndsAfterTheCap() {
        assertThatThrownBy(() -> get(url("allowed.test", "/loop"))).hasMessageContaining("too many redirects");
    }

    @Test
    void aNameThatRebindsToLoopbackIsRefusedAtConnectTime() {
        rebinding.set("127.0.0.1");
        try {
            assertThatThrownBy(() -> get(url("rebind.test", "/secret")))
                    .hasCauseInstanceOf(EgressRefused.class)
                    .cause()
                    .hasMessage("rebind.test resolves to 127.0.0.1, a loopback address");
        } finally {
            rebinding.set("93.184.216.34");
        }
    }

    @Test
    void aBodyIsReadOnlyUpToTheCap() {
        assertThat(get(url("allowed.test", "/big")).body()).hasSize(1024);
    }

    @Test
    void aPostDoesNotFollowRedirects() {
        int before = privateHits.get();
        EgressResponse response = client.post(
                        url("allowed.test", "/to-private"), Map.of(), "{}", Duration.ofSeconds(2), 1024)
                .join();
        assertThat(response.status()).isEqualTo(302);
        assertThat(privateHits.get()).isEqualTo(before);
    }
}
