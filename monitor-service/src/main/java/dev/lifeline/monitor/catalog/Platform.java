package dev.lifeline.monitor.catalog;

/** A platform we watch: from the built-in catalogue ({@code tenantId == null}) or defined by one tenant. */
public record Platform(String id, String name, String tenantId) {

    public boolean catalogued() {
        return tenantId == null;
    }
}
