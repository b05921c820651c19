package dev.lifeline.events.tenant;

import dev.lifeline.events.EventTypes;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.Require;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's current state, including the SHA-256 hashes of its live API keys, so that every service authenticates
 * tenant keys from its own copy without calling contact-service.
 */
public record TenantUpserted(
        String tenantId,
        String slug,
        String name,
        String timeZone,
        List<String> apiKeyHashes,
        long version,
        Instant updatedAt)
        implements LifelineEvent {

    public TenantUpserted {
        Require.text(tenantId, "tenantId");
        Require.text(slug, "slug");
        Require.present(updatedAt, "updatedAt");
        apiKeyHashes = Require.list(apiKeyHashes);
    }

    @Override
    public String eventType() {
        return EventTypes.TENANT_UPSERTED;
    }

    @Override
    public String partitionKey() {
        return tenantId;
    }
}
