package dev.lifeline.localstack.simulator;

import dev.lifeline.localstack.simulator.SimulatedHealth.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformSimulatorTest {

    private static PlatformSimulator simulator;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        simulator = PlatformSimulator.start(0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static HttpResponse<String> call(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void oneCurlTakesAPlatformDownAndAnotherBringsItBack() throws Exception {
        assertThat(call("GET", "/platforms/etsy/health").statusCode()).isEqualTo(200);
        assertThat(call("POST", "/simulator/platforms/etsy?mode=5xx").statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "/platforms/etsy/health").statusCode()).isEqualTo(503);
        assertThat(call("GET", "/platforms/etsy/api/v2/status.json").body()).contains("\"indicator\":\"major\"");
        assertThat(call("GET", "/simulator/platforms").body()).contains("\"etsy\":\"5xx\"");
        call("POST", "/simulator/platforms/etsy?mode=up");
        assertThat(call("GET", "/platforms/etsy/health").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownModeIsRefused() throws Exception {
        HttpResponse<String> response = call("POST", "/simulator/platforms/etsy?mode=sideways");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("mode must be one of");
    }

    @Test
    void flappingAlternatesEveryHalfPeriod() {
        Instant since = Instant.parse("2026-03-05T12:00:00Z");
        SimulatedHealth flapping = new SimulatedHealth(Mode.FLAPPING, Duration.ofSeconds(10), Duration.ZERO, since);
        assertThat(flapping.effective(since.plusSeconds(1))).isEqualTo(Mode.FIVE_XX);
        assertThat(flapping.effective(since.plusSeconds(6))).isEqualTo(Mode.UP);
        assertThat(flapping.effective(since.plusSeconds(11))).isEqualTo(Mode.FIVE_XX);
    }

    @Test
    void metaDocumentNamesTheOrgTheMonitorLooksFor() throws Exception {
        assertThat(call("GET", "/platforms/whatsapp/meta/status.json").body())
                .contains("WhatsApp Business API")
                .contains("Operational");
    }
}
