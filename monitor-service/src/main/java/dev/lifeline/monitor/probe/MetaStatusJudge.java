package dev.lifeline.monitor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.events.outage.Severity;

import java.util.Locale;

/**
 * Reads a Meta-style status document (metastatus.com publishes org lists and outage histories as JSON, in a format
 * nobody promised to keep). We look for the org named by {@code component} anywhere in the document and read either a
 * status word or an outage without an end. Anything we do not understand is DEGRADED, not FAILED: fail safe, never
 * cry wolf because a format changed.
 */
public final class MetaStatusJudge {

    private static final int MAX_DEPTH = 6;

    private MetaStatusJudge() {}

    public static Verdict judge(ProbeDefinition probe, int status, byte[] body) {
        if (status >= 400) {
            return Verdict.degraded("status API answered HTTP " + status);
        }
        JsonNode root = HttpJudge.Json.parse(body);
        if (root == null) {
            return Verdict.degraded("status document unreadable");
        }
        JsonNode org = find(root, probe.component() == null ? probe.platformId() : probe.component(), 0);
        if (org == null) {
            return Verdict.degraded("org not found in status document");
        }
        if (hasOpenOutage(org.path("outages"))) {
            return Verdict.failed(Severity.MAJOR, "open outage listed");
        }
        String word = org.path("status").asText("").toLowerCase(Locale.ROOT);
        if (word.contains("outage") || word.contains("down") || word.contains("disruption")) {
            return Verdict.failed(Severity.MAJOR, "status " + word);
        }
        if (word.contains("maintenance")) {
            return Verdict.maintenance("status " + word);
        }
        if (word.contains("degraded") || word.contains("partial")) {
            return Verdict.degraded("status " + word);
        }
        if (word.contains("operational") || word.equals("ok") || word.equals("up") || word.contains("healthy")) {
            return Verdict.ok("status " + word);
        }
        return Verdict.degraded("status word unknown");
    }

    private static JsonNode find(JsonNode node, String name, int depth) {
        if (depth > MAX_DEPTH || node == null) {
            return null;
        }
        if (node.isObject()) {
            for (String field : new String[] {"id", "name", "slug"}) {
                if (name.equalsIgnoreCase(node.path(field).asText(null))) {
                    return node;
                }
            }
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                JsonNode found = find(child, name, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean hasOpenOutage(JsonNode outages) {
        if (!outages.isArray()) {
            return false;
        }
        for (JsonNode outage : outages) {
            JsonNode end = outage.path("end");
            if (outage.has("start") && (end.isMissingNode() || end.isNull())) {
                return true;
            }
        }
        return false;
    }
}
