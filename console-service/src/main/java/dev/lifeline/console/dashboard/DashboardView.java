package dev.lifeline.console.dashboard;

import dev.lifeline.console.services.MonitorClient;

import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows. {@code platforms} null while monitor-service does not know the business yet;
 * {@code reachable} maps a channel to a count, or to null when contact-service did not answer.
 */
public record DashboardView(
        String businessName,
        String email,
        String role,
        List<MonitorClient.Platform> platforms,
        Map<String, Long> reachable,
        MonitorClient.Outage lastOutage,
        boolean monitorDown) {

    public boolean settingUp() {
        return platforms == null && !monitorDown;
    }
}
