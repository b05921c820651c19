package dev.lifeline.contact.subjectaccess;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The outreach section of a subject access answer, against a stand-in outreach-service on a real socket. */
class OutreachClientTest {

    private HttpServer outreach;
    private final Map<String, Integer> statusById = new ConcurrentHashMap<>();
    private final Map<String, String> keySeenById = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        outreach = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        outreach.createContext("/api/v1/contacts/", exchange -> {
            String id = exchange.getRequestURI().getPath().split("/")[4];
            keySeenById.put(id, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            int status = statusById.getOrDefault(id, 200);
            byte[] body = (status == 200
                            ? "{\"contactId\":\"" + id + "\",\"deliveries\":[{\"state\":\"sent\"}]}"
                            : "{}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        outreach.start();
    }

    @AfterEach
    void stop() {
        outreach.stop(0);
    }

    private OutreachClient client(URI base) {
        return new OutreachClient(new OutreachLink(base, Duration.ofSeconds(5)), new ObjectMapper());
    }

    private OutreachClient client() {
        return client(URI.create("http://127.0.0.1:" + outreach.getAddress().getPort() + "/"));
    }

    private static final OutreachClient.Credential KEY =
            new OutreachClient.Credential("Authorization", "Bearer ll_test");

    @Test
    void whatOutreachHoldsIsEmbeddedAsItCame_askedWithTheCallersKey() {
        UUID id = UUID.randomUUID();
        OutreachSection section = client().dataOf(id, KEY);
        assertThat(section.available()).isTrue();
        assertThat(section.holdsData()).isTrue();
        assertThat(section.data().path("deliveries").get(0).path("state").asText())
                .isEqualTo("sent");
        assertThat(keySeenById).containsEntry(id.toString(), "Bearer ll_test");
    }

    @Test
    void a404MeansOutreachHoldsNothing_notThatItWasUnavailable() {
        UUID id = UUID.randomUUID();
        statusById.put(id.toString(), 404);
        OutreachSection section = client().dataOf(id, KEY);
        assertThat(section.available()).isTrue();
        assertThat(section.holdsData()).isFalse();
        assertThat(section.data()).isNull();
    }

    @Test
    void aRefusedKeyOrAServerErrorMarksTheSectionUnavailable() {
        UUID refused = UUID.randomUUID();
        statusById.put(refused.toString(), 401);
        UUID failing = UUID.randomUUID();
        statusById.put(failing.toString(), 503);
        assertThat(client().dataOf(refused, KEY))
                .extracting(OutreachSection::available)
                .isEqualTo(false);
        OutreachSection failed = client().dataOf(failing, KEY);
        assertThat(failed.available()).isFalse();
        assertThat(failed.detail()).contains("503");
    }

    @Test
    void anOutreachThatDoesNotAnswerMarksTheSectionUnavailable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        OutreachSection section =
                client(URI.create("http://127.0.0.1:" + closed)).dataOf(UUID.randomUUID(), KEY);
        assertThat(section.available()).isFalse();
        assertThat(section.holdsData()).isNull();
        assertThat(section.detail()).contains("could not be reached");
    }
}
