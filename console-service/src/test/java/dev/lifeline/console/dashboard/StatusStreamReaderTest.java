package dev.lifeline.console.dashboard;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's reader of monitor-service's status stream, against a real HTTP server speaking SSE. */
class StatusStreamReaderTest {

    private static final String PATH = "/api/v1/status/stream";

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void everyChangedPlatformIsHandedOn_andAStreamThatEndsIsOpenedAgain() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PATH, exchange -> {
            int n = connections.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                if (n == 1) {
                    write(out, "data:{\"type\":\"outage.started\",\"platformId\":\"instagram\"}\n\n");
                    write(out, "data:not json at all\n\n");
                    write(out, ": a comment\n\ndata:{\"type\":\"state.changed\",\"platformId\":\"facebook\"}\n\n");
                } else {
                    write(out, "event:message\ndata:{\"type\":\"outage.resolved\",\"platformId\":\"whatsapp\"}\n\n");
                }
            }
        });
        server.start();
        List<String> changed = new CopyOnWriteArrayList<>();

        try (StatusStreamReader reader = reader(changed)) {
            awaitContains(changed, "whatsapp");
        }

        assertThat(changed).startsWith("instagram", "facebook", "whatsapp");
        assertThat(connections.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aMonitorThatAnswersWithAnErrorIsTriedAgainUntilItStreams() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PATH, exchange -> {
            if (tries.incrementAndGet() < 3) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                write(out, "data:{\"platformId\":\"tiktok\"}\n\n");
            }
        });
        server.start();
        List<String> changed = new CopyOnWriteArrayList<>();

        try (StatusStreamReader reader = reader(changed)) {
            awaitContains(changed, "tiktok");
        }

        assertThat(tries.get()).isGreaterThanOrEqualTo(3);
    }

    private StatusStreamReader reader(List<String> changed) {
        return new StatusStreamReader(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH),
                        Duration.ofMillis(100),
                        changed::add)
                .start();
    }

    private static void awaitContains(List<String> changed, String platform) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!changed.contains(platform) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(changed).contains(platform);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
