package dev.lifeline.events.tenant;

import dev.lifeline.events.EventTypes;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.Require;

import java.time.Instant;
import java.util.List;

/**
 * The whole list of platforms a tenant's business depends on, as it now stands (not a difference): a consumer
 * replaces what it holds, and the compacted topic keeps only the latest list per tenant. outreach-service fires a
 * campaign on {@code any} only for these platforms.
 */
public record DependenciesChanged(String tenantId, List<String> platformIds, Instant changedAt)
        implements LifelineEvent {

    public DependenciesChanged {
        Require.text(tenantId, "tenantId");
        Require.present(changedAt, "changedAt");
        platformIds = Require.list(platformIds);
    }

    @Override
    public String eventType() {
        return EventTypes.TENANT_DEPENDENCIES_CHANGED;
    }

    @Override
    public String partitionKey() {
        return tenantId;
    }
}
