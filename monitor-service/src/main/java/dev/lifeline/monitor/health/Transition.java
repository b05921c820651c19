package dev.lifeline.monitor.health;

/** What one observation changed; {@code changed()} is false when the platform stayed where it was. */
public record Transition(HealthState from, HealthState to, boolean flappingBefore, boolean flappingAfter) {

    public boolean changed() {
        return from != to || flappingBefore != flappingAfter;
    }

    public boolean outageOpened() {
        return !from.outageOpen() && to.outageOpen();
    }

    public boolean outageClosed() {
        return from.outageOpen() && !to.outageOpen();
    }
}
