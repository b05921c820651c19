package dev.lifeline.events.tenant;

import dev.lifeline.events.EventTypes;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.Require;

import java.time.Instant;

/** The tenant deleted itself: its keys stop working everywhere and every service erases its data (kit: TenantErasure). */
public record TenantDeleted(String tenantId, Instant deletedAt) implements LifelineEvent {

    public TenantDeleted {
        Require.text(tenantId, "tenantId");
        Require.present(deletedAt, "deletedAt");
    }

    @Override
    public String eventType() {
        return EventTypes.TENANT_DELETED;
    }

    @Override
    public String partitionKey() {
        return tenantId;
    }
}
