package dev.lifeline.monitor.health;

/**
 * Lifecycle of one platform as the probes see it. An outage is open while DOWN or RECOVERING. MAINTENANCE: the
 * platform's status page announces planned work, and its policy does not count that as an outage. (Declared last so
 * the metric's numbers of the older states stay what they were.)
 */
public enum HealthState {
    UP,
    DEGRADED,
    DOWN,
    RECOVERING,
    MAINTENANCE;

    public boolean outageOpen() {
        return this == DOWN || this == RECOVERING;
    }
}
