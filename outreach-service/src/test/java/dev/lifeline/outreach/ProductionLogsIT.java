package dev.lifeline.outreach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.lifeline.events.EventTypes;
import dev.lifeline.events.Topics;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.localstack.ServiceProcess;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar (prod profile) as a process: what its console log looks like to an operator. JSON lines, with the
 * trace id of the span a line was logged in, when JSON is asked for (the production default); plain text as the
 * local run and the process-based tests start it, since people and tests read those logs as text.
 */
class ProductionLogsIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalStack stack;
    private static KafkaCompanion kafka;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private HttpServer collector;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(LocalStack.Ports.random());
        kafka = new KafkaCompanion(stack.kafka().bootstrapServers());
    }

    @AfterAll
    static void stopStack() {
        if (kafka != null) {
            kafka.close();
        }
        if (stack != null) {
            stack.stop();
        }
    }

    @AfterEach
    void stop() {
        processes.forEach(ServiceProcess::stop);
        if (collector != null) {
            collector.stop(0);
        }
    }

    @Test
    void withJsonAndTracingOnEveryLineIsJsonAndALineLoggedInAConsumerSpanCarriesItsTraceId() throws Exception {
        // A stand-in OTLP/HTTP collector that accepts every export, so tracing can be on without a refused connection.
        AtomicInteger exports = new AtomicInteger();
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exports.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        Map<String, String> config = config();
        // A system property wins over the environment variable ServiceProcess sets for plain text.
        config.put("LIFELINE_LOG_JSON", "true");
        config.put("lifeline.tracing", "true");
        config.put("quarkus.otel.exporter.otlp.protocol", "http/protobuf");
        config.put(
                "quarkus.otel.exporter.otlp.endpoint",
                "http://127.0.0.1:" + collector.getAddress().getPort());
        config.put("quarkus.otel.bsp.schedule.delay", "100ms");
        ServiceProcess service = start("outreach-json", config);

        // An outage.started record whose data is unreadable: the consumer logs a warning inside its receive span,
        // the child of this record's traceparent.
        String traceId = UUID.randomUUID().toString().replace("-", "");
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(UUID.randomUUID().toString()));
        headers.add("ce_type", bytes(EventTypes.OUTAGE_STARTED));
        headers.add("ce_source", bytes("/lifeline/test"));
        headers.add("content-type", bytes("application/json"));
        headers.add("traceparent", bytes("00-" + traceId + "-" + traceId.substring(0, 16) + "-01"));
        kafka.produce(String.class, String.class)
                .fromRecords(List.of(new ProducerRecord<>(
                        Topics.PLATFORM_OUTAGES, null, "custom-logs", "{\"not\":\"an outage\"}", headers)))
                .awaitCompletion(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(60)).until(() -> rejected(service).isPresent());
        JsonNode rejected = rejected(service).orElseThrow();
        assertThat(rejected.path("level").asText()).isEqualTo("WARN");
        assertThat(rejected.path("mdc").path("traceId").asText()).isEqualTo(traceId);
        await().atMost(Duration.ofSeconds(30)).until(() -> exports.get() > 0);

        List<String> lines = Files.readAllLines(service.logFile(), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .toList();
        assertThat(lines)
                .isNotEmpty()
                .allSatisfy(line -> assertThat(JSON.readTree(line).isObject())
                        .as("a JSON object: %s", line)
                        .isTrue());
        assertThat(lines).noneMatch(l -> l.contains("Failed to export") || l.contains("Connection refused"));
    }

    @Test
    void asTheLocalRunStartsItTheJarLogsPlainText() throws Exception {
        ServiceProcess service = start("outreach-plain", config());
        List<String> lines = Files.readAllLines(service.logFile(), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .toList();
        assertThat(lines).anyMatch(l -> l.contains("outreach-service") && l.contains("started in"));
        assertThat(lines).noneMatch(l -> l.startsWith("{"));
    }

    private Optional<JsonNode> rejected(ServiceProcess service) {
        try {
            for (String line : Files.readAllLines(service.logFile(), StandardCharsets.UTF_8)) {
                if (line.startsWith("{") && line.contains("platform-outages.v1 record rejected")) {
                    return Optional.of(JSON.readTree(line));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>(stack.quarkusConfig("outreach"));
        config.put("lifeline.link-signing-key", "it-link-signing-key-0123456789");
        config.put("lifeline.admin-key", "it-admin-key-0123456789");
        return config;
    }

    private ServiceProcess start(String name, Map<String, String> config) {
        ServiceProcess p = ServiceProcess.start(name, JAR, 0, config, Path.of("target/it-logs/" + name + ".log"));
        processes.add(p);
        p.awaitReady(Duration.ofSeconds(120));
        return p;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
