package dev.lifeline.monitor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.events.EventCodec;
import dev.lifeline.events.outage.Severity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Judges a plain HTTP response: status, then conditions on the body, then latency. */
public final class HttpJudge {

    private HttpJudge() {}

    public static Verdict judge(ProbeDefinition probe, int status, byte[] body, long latencyMs) {
        if (status >= 500) {
            return Verdict.failed(Severity.MAJOR, "HTTP " + status);
        }
        if (status < 200 || status >= 400) {
            return Verdict.failed(Severity.MAJOR, "unexpected HTTP " + status);
        }
        if (probe.keyword() != null && !probe.keyword().isEmpty()) {
            String text = new String(body, StandardCharsets.UTF_8);
            if (!text.contains(probe.keyword())) {
                return Verdict.failed(Severity.MAJOR, "keyword missing from body");
            }
        }
        if (probe.jsonPointer() != null && !probe.jsonPointer().isEmpty()) {
            Verdict pointer = judgePointer(probe, body);
            if (pointer != null) {
                return pointer;
            }
        }
        return latencyVerdict(probe, status, latencyMs);
    }

    static Verdict latencyVerdict(ProbeDefinition probe, int status, long latencyMs) {
        if (probe.latencyThreshold() != null
                && latencyMs > probe.latencyThreshold().toMillis()) {
            return Verdict.degraded(
                    "slow: " + latencyMs + " ms > " + probe.latencyThreshold().toMillis() + " ms");
        }
        return Verdict.ok("HTTP " + status);
    }

    private static Verdict judgePointer(ProbeDefinition probe, byte[] body) {
        JsonNode root = Json.parse(body);
        if (root == null) {
            return Verdict.failed(Severity.MAJOR, "body is not JSON");
        }
        JsonNode value = root.at(probe.jsonPointer());
        if (value.isMissingNode()) {
            return Verdict.failed(Severity.MAJOR, "nothing at " + probe.jsonPointer());
        }
        if (probe.expectedValue() != null && !probe.expectedValue().equals(value.asText())) {
            return Verdict.failed(Severity.MAJOR, probe.jsonPointer() + " is not the expected value");
        }
        return null;
    }

    /** Lenient JSON parsing that answers null for garbage instead of throwing. */
    static final class Json {
        private Json() {}

        static JsonNode parse(byte[] body) {
            if (body == null || body.length == 0) {
                return null;
            }
            try {
                JsonNode node = EventCodec.mapper().readTree(body);
                return node == null || node.isMissingNode() ? null : node;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
