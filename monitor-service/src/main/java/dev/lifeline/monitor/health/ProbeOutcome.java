package dev.lifeline.monitor.health;

/**
 * What one probe run says about its platform. DEGRADED is "works, but badly" (slow, a minor status indicator);
 * MAINTENANCE is planned work announced by the platform's status page, which is not an outage unless the platform's
 * policy says so.
 */
public enum ProbeOutcome {
    OK,
    DEGRADED,
    FAILED,
    MAINTENANCE;

    public boolean isBad() {
        return this != OK;
    }
}
