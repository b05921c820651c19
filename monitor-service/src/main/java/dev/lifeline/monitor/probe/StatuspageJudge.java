package dev.lifeline.monitor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.events.outage.Severity;
import dev.lifeline.monitor.health.ProbeOutcome;

import java.util.Locale;

/**
 * Reads an Atlassian Statuspage v2 document ({@code /api/v2/status.json} or {@code summary.json}). With a
 * {@code component} it judges that component; else the page's overall {@code status.indicator}. An unreadable document
 * is DEGRADED, never FAILED: a changed status API must not declare the platform down. Planned maintenance is
 * MAINTENANCE: the {@code maintenance} indicator, a component {@code under_maintenance}, or (in {@code summary.json})
 * a scheduled maintenance {@code in_progress} — which also explains a major indicator or a component's outage while it
 * lasts, as a status page shows planned downtime.
 */
public final class StatuspageJudge {

    private StatuspageJudge() {}

    public static Verdict judge(ProbeDefinition probe, int status, byte[] body) {
        if (status >= 400) {
            return Verdict.degraded("status API answered HTTP " + status);
        }
        JsonNode root = HttpJudge.Json.parse(body);
        if (root == null || !root.isObject()) {
            return Verdict.degraded("status document unreadable");
        }
        boolean scheduled = maintenanceInProgress(
                root.path("scheduled_maintenances"),
                probe.component() == null || probe.component().isBlank() ? null : probe.component());
        if (probe.component() != null && !probe.component().isBlank()) {
            Verdict component = judgeComponent(probe.component(), root.path("components"));
            return scheduled && component.outcome() != ProbeOutcome.OK
                    ? Verdict.maintenance("scheduled maintenance in progress")
                    : component;
        }
        String indicator = root.path("status").path("indicator").asText("");
        if (scheduled && !"none".equalsIgnoreCase(indicator)) {
            return Verdict.maintenance("scheduled maintenance in progress");
        }
        return switch (indicator.toLowerCase(Locale.ROOT)) {
            case "none" -> Verdict.ok("indicator none");
            case "minor" -> Verdict.degraded("indicator minor");
            case "maintenance" -> Verdict.maintenance("indicator maintenance");
            case "major" -> Verdict.failed(Severity.MAJOR, "indicator major");
            case "critical" -> Verdict.failed(Severity.CRITICAL, "indicator critical");
            default -> Verdict.degraded("indicator missing or unknown");
        };
    }

    private static Verdict judgeComponent(String name, JsonNode components) {
        if (components.isArray()) {
            for (JsonNode component : components) {
                if (name.equalsIgnoreCase(component.path("name").asText())
                        || name.equals(component.path("id").asText())) {
                    String state = component.path("status").asText("");
                    return switch (state) {
                        case "operational" -> Verdict.ok("component operational");
                        case "degraded_performance" -> Verdict.degraded("component " + state);
                        case "under_maintenance" -> Verdict.maintenance("component under_maintenance");
                        case "partial_outage" -> Verdict.failed(Severity.MINOR, "component partial_outage");
                        case "major_outage" -> Verdict.failed(Severity.MAJOR, "component major_outage");
                        default -> Verdict.degraded("component status unknown");
                    };
                }
            }
        }
        return Verdict.degraded("component not listed");
    }

    /** A scheduled maintenance in progress, of the whole page or (with {@code component}) touching that component. */
    private static boolean maintenanceInProgress(JsonNode maintenances, String component) {
        if (!maintenances.isArray()) {
            return false;
        }
        for (JsonNode maintenance : maintenances) {
            if (!"in_progress".equals(maintenance.path("status").asText())) {
                continue;
            }
            JsonNode touched = maintenance.path("components");
            if (component == null || !touched.isArray() || touched.isEmpty()) {
                return true;
            }
            for (JsonNode c : touched) {
                if (component.equalsIgnoreCase(c.path("name").asText())
                        || component.equals(c.path("id").asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
