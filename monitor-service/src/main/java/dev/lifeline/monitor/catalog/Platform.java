package dev.lifeline.monitor.catalog;

/**
 * A platform we watch: from the built-in catalogue ({@code tenantId == null}) or defined by one tenant.
 * {@code maintenanceIsOutage}: the platform's policy for planned maintenance its status page announces (by default it
 * is not an outage).
 */
public record Platform(String id, String name, String tenantId, boolean maintenanceIsOutage) {

    public boolean catalogued() {
        return tenantId == null;
    }
}
