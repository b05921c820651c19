package dev.lifeline.outreach.trace;

import dev.lifeline.events.EventCodec;
import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.outage.OutageStarted;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.Scenario;
import dev.lifeline.outreach.TestBus;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator follows one outage through outreach in one trace: the monitor's verdict (the traceparent on the
 * outage.started record), the consumer that scheduled the run, the run started after its grace period, each delivery
 * job through the outbox and Kafka, and each SMTP accept, every span the child of the one before.
 */
@QuarkusTest
class OutageTraceTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    DataSource db;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theVerdictsTraceReachesEverySmtpAcceptThroughTheRunAndTheDeliveryJobs() {
        Scenario s = new Scenario(stack, db);
        s.contacts(Map.of("ada", ConsentStatus.CONFIRMED, "bob", ConsentStatus.CONFIRMED));
        // A grace period, so the run starts later, on the launcher's thread, not in the consumer.
        String campaignId = s.createCampaign(s.emailCampaign("PT1S"));
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String verdictSpanId = traceId.substring(0, 16);

        OutageStarted outage = TestBus.outage("o-" + s.marker, s.platform);
        RecordHeaders headers = cloudEvent(outage.eventType());
        headers.add("traceparent", bytes("00-" + traceId + "-" + verdictSpanId + "-01"));
        s.kafka
                .produce(String.class, String.class)
                .fromRecords(List.of(new ProducerRecord<>(
                        Topics.PLATFORM_OUTAGES, null, outage.partitionKey(), EventCodec.encode(outage), headers)))
                .awaitCompletion(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(30)).until(() -> s.mails().size() == 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> named(trace(traceId), "smtp send").size() == 2);
        List<SpanData> trace = trace(traceId);
        Map<String, SpanData> byId =
                trace.stream().collect(Collectors.toMap(SpanData::getSpanId, x -> x, (a, b) -> a, LinkedHashMap::new));
        System.out.println("[trace] "
                + trace.stream()
                        .map(x -> x.getName() + "(" + x.getKind() + ") " + x.getSpanId() + " <- " + x.getParentSpanId())
                        .collect(Collectors.joining("\n[trace] ")));

        SpanData outageConsumed = single(
                trace, x -> x.getKind() == SpanKind.CONSUMER && x.getName().startsWith(Topics.PLATFORM_OUTAGES));
        assertThat(outageConsumed.getParentSpanId()).isEqualTo(verdictSpanId);
        // Other tests' campaigns for any platform also run for this outage; each run is the consumer's child.
        assertThat(named(trace, "campaign run"))
                .allSatisfy(r -> assertThat(r.getParentSpanId()).isEqualTo(outageConsumed.getSpanId()));
        SpanData run = single(
                trace,
                x -> x.getName().equals("campaign run")
                        && campaignId.equals(x.getAttributes().get(AttributeKey.stringKey("lifeline.campaign.id"))));
        assertThat(run.getParentSpanId()).isEqualTo(outageConsumed.getSpanId());
        for (SpanData smtp : named(trace, "smtp send")) {
            SpanData jobConsumed = byId.get(smtp.getParentSpanId());
            assertThat(jobConsumed).as("parent of %s", smtp.getName()).isNotNull();
            assertThat(jobConsumed.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(jobConsumed.getName()).startsWith(Topics.OUTREACH_DELIVERIES);
            SpanData jobPublished = byId.get(jobConsumed.getParentSpanId());
            assertThat(jobPublished).as("parent of %s", jobConsumed.getName()).isNotNull();
            assertThat(jobPublished.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(jobPublished.getParentSpanId()).isEqualTo(run.getSpanId());
        }
    }

    private List<SpanData> trace(String traceId) {
        return spans.getFinishedSpanItems().stream()
                .filter(x -> x.getTraceId().equals(traceId))
                .toList();
    }

    private static List<SpanData> named(List<SpanData> trace, String name) {
        return trace.stream().filter(x -> x.getName().equals(name)).toList();
    }

    private static SpanData single(List<SpanData> trace, Predicate<SpanData> match) {
        List<SpanData> found = trace.stream().filter(match).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static RecordHeaders cloudEvent(String type) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(UUID.randomUUID().toString()));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("/lifeline/test"));
        headers.add("content-type", bytes("application/json"));
        return headers;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
