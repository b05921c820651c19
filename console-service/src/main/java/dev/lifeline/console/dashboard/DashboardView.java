package dev.lifeline.console.dashboard;

import dev.lifeline.console.services.MonitorClient;

import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows. {@code platforms} null while monitor-service does not know the business yet;
 * {@code reachable} maps a channel to a count, or to null when contact-service did not answer; {@code lastOutageSends}
 * is what the campaigns sent for the last outage, null when there is none or outreach-service did not answer.
 */
public record DashboardView(
        String businessName,
        String email,
        String role,
        List<MonitorClient.Platform> platforms,
        Map<String, Long> reachable,
        MonitorClient.TimelineOutage lastOutage,
        OutageSends lastOutageSends,
        boolean monitorDown) {

    /** While the last outage is open or its campaigns still send, the page keeps fetching its figures. */
    public boolean changing() {
        return lastOutage != null && (lastOutage.open() || (lastOutageSends != null && lastOutageSends.live()));
    }

    public boolean settingUp() {
        return platforms == null && !monitorDown;
    }
}
