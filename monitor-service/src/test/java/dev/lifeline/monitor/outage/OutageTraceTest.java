package dev.lifeline.monitor.outage;

import dev.lifeline.events.EventTypes;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.monitor.health.HealthMonitor;
import dev.lifeline.monitor.health.ProbeOutcome;
import dev.lifeline.monitor.probe.ProbeKind;
import dev.lifeline.monitor.probe.ProbeResult;
import dev.lifeline.monitor.support.OutageTopic;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outage.started record carries the trace of the probe verdict that opened the outage, for its consumers. */
@QuarkusTest
class OutageTraceTest {

    @Inject
    HealthMonitor monitor;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InMemorySpanExporter spans;

    @InjectLocalStack
    LocalStack stack;

    @Test
    void theOutageStartedRecordContinuesTheTraceOfTheVerdictThatOpenedIt() throws Exception {
        String platform = ownPlatform();
        try (OutageTopic topic = new OutageTopic(stack.kafka().bootstrapServers())) {
            for (int i = 0; i < 3; i++) {
                monitor.accept(new ProbeResult(
                        platform + "-http",
                        platform,
                        ProbeKind.HTTP,
                        ProbeOutcome.FAILED,
                        null,
                        12L,
                        "HTTP 503",
                        Instant.now(),
                        1));
            }
            ConsumerRecord<String, String> started = topic.await(platform, EventTypes.OUTAGE_STARTED);
            String traceparent = OutageTopic.header(started, "traceparent");
            assertThat(traceparent).as("traceparent header").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            String traceId = traceparent.split("-")[1];
            String publishSpanId = traceparent.split("-")[2];

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> verdicts(platform).size() == 1);
            SpanData verdict = verdicts(platform).get(0);
            assertThat(verdict.getTraceId()).isEqualTo(traceId);
            SpanData published = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getSpanId().equals(publishSpanId))
                    .findFirst()
                    .orElseThrow();
            assertThat(published.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(published.getParentSpanId())
                    .as("the relay's publish span hangs off the verdict")
                    .isEqualTo(verdict.getSpanId());
        }
    }

    private List<SpanData> verdicts(String platform) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("probe verdict: outage started"))
                .filter(s -> platform.equals(s.getAttributes().get(AttributeKey.stringKey("lifeline.platform.id"))))
                .toList();
    }

    /** A tenant's platform of this test alone: other test classes share the catalogue platforms. */
    private String ownPlatform() throws Exception {
        String id = "custom-trace-" + UUID.randomUUID().toString().substring(0, 8);
        try (var c = dataSource.getConnection();
                var insert = c.prepareStatement(
                        "INSERT INTO platform (id, tenant_id, name) VALUES (?, 'tenant-trace', 'Trace shop')")) {
            insert.setString(1, id);
            insert.executeUpdate();
        }
        return id;
    }
}
