package dev.lifeline.monitor.health;

/** What one probe run says about its platform. DEGRADED is "works, but badly" (slow, a minor status indicator). */
public enum ProbeOutcome {
    OK, DEGRADED, FAILED;

    public boolean isBad() {
        return this != OK;
    }
}
