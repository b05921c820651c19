package dev.lifeline.outreach.outage;

import dev.lifeline.outreach.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

@ApplicationScoped
public class OutageStore {

    @Inject
    Sql sql;

    public void started(String outageId, String platformId, String tenantId, Instant startedAt) {
        sql.update(
                "insert into outage (outage_id, platform_id, tenant_id, started_at) values (?, ?, ?, ?) "
                        + "on conflict (outage_id) do nothing",
                outageId,
                platformId,
                tenantId,
                startedAt);
    }

    /** Platforms down right now that this tenant sees: every catalogue platform's open outage, and its own. */
    public Set<String> openPlatforms(String tenantId) {
        return new HashSet<>(sql.query(
                "select distinct platform_id from outage where resolved_at is null "
                        + "and (tenant_id is null or tenant_id = ?)",
                rs -> rs.getString(1),
                tenantId));
    }

    /** @return false when the outage was already resolved */
    public boolean resolved(
            String outageId, String platformId, String tenantId, Instant startedAt, Instant resolvedAt) {
        started(outageId, platformId, tenantId, startedAt);
        return sql.update(
                        "update outage set resolved_at = ? where outage_id = ? and resolved_at is null",
                        resolvedAt,
                        outageId)
                > 0;
    }
}
