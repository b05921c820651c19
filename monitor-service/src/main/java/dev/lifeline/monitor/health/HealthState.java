package dev.lifeline.monitor.health;

/** Lifecycle of one platform as the probes see it. An outage is open while DOWN or RECOVERING. */
public enum HealthState {
    UP, DEGRADED, DOWN, RECOVERING;

    public boolean outageOpen() {
        return this == DOWN || this == RECOVERING;
    }
}
