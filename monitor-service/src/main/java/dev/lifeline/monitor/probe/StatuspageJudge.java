package dev.lifeline.monitor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.events.outage.Severity;

import java.util.Locale;

/**
 * Reads an Atlassian Statuspage v2 document ({@code /api/v2/status.json} or {@code summary.json}). With a
 * {@code component} it judges that component; else the page's overall {@code status.indicator}. An unreadable document
 * is DEGRADED, never FAILED: a changed status API must not declare the platform down.
 */
public final class StatuspageJudge {

    private StatuspageJudge() {
    }

    public static Verdict judge(ProbeDefinition probe, int status, byte[] body) {
        if (status >= 400) {
            return Verdict.degraded("status API answered HTTP " + status);
        }
        JsonNode root = HttpJudge.Json.parse(body);
        if (root == null || !root.isObject()) {
            return Verdict.degraded("status document unreadable");
        }
        if (probe.component() != null && !probe.component().isBlank()) {
            return judgeComponent(probe.component(), root.path("components"));
        }
        String indicator = root.path("status").path("indicator").asText("");
        return switch (indicator.toLowerCase(Locale.ROOT)) {
            case "none" -> Verdict.ok("indicator none");
            case "minor" -> Verdict.degraded("indicator minor");
            case "major" -> Verdict.failed(Severity.MAJOR, "indicator major");
            case "critical" -> Verdict.failed(Severity.CRITICAL, "indicator critical");
            default -> Verdict.degraded("indicator missing or unknown");
        };
    }

    private static Verdict judgeComponent(String name, JsonNode components) {
        if (components.isArray()) {
            for (JsonNode component : components) {
                if (name.equalsIgnoreCase(component.path("name").asText()) || name.equals(component.path("id").asText())) {
                    String state = component.path("status").asText("");
                    return switch (state) {
                        case "operational" -> Verdict.ok("component operational");
                        case "degraded_performance", "under_maintenance" -> Verdict.degraded("component " + state);
                        case "partial_outage" -> Verdict.failed(Severity.MINOR, "component partial_outage");
                        case "major_outage" -> Verdict.failed(Severity.MAJOR, "component major_outage");
                        default -> Verdict.degraded("component status unknown");
                    };
                }
            }
        }
        return Verdict.degraded("component not listed");
    }
}
