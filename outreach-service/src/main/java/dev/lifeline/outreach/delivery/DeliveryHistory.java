package dev.lifeline.outreach.delivery;

import dev.lifeline.outreach.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the delivery ledger says happened: who an incident's messages reached (the rules of one notice per incident and
 * of "we're back" only to those told of the outage) and a run's per-recipient list.
 */
@ApplicationScoped
public class DeliveryHistory {

    public record Row(
            UUID runId,
            String contactId,
            String channel,
            String state,
            int attempts,
            String providerMessageId,
            String lastError,
            Instant updatedAt) {}

    @Inject
    Sql sql;

    /** Contacts the outage notice of this incident reached (sent, not merely queued or deferred). */
    public Set<String> toldOfOutage(String tenantId, String outageId) {
        return new HashSet<>(sql.query("""
                select distinct d.contact_id from delivery d join campaign_run r on r.id = d.run_id
                where r.tenant_id = ? and r.outage_id = ? and d.outage_notice and d.state = 'sent'
                """, rs -> rs.getString(1), tenantId, outageId));
    }

    /** Contacts that got (or are getting) a "we're back" message of this incident. */
    public Set<String> toldOfRecovery(String tenantId, String outageId) {
        return new HashSet<>(sql.query("""
                select distinct d.contact_id from delivery d join campaign_run r on r.id = d.run_id
                where r.tenant_id = ? and r.outage_id = ? and r.trigger = 'recovery'
                  and d.state in ('queued', 'deferred', 'sending', 'sent')
                """, rs -> rs.getString(1), tenantId, outageId));
    }

    /** Contacts that got (or are getting) an outage message for any of these platforms since {@code since}. */
    public Set<String> notifiedSince(String tenantId, Collection<String> platformIds, Instant since) {
        return new HashSet<>(sql.query("""
                select distinct contact_id from delivery
                where tenant_id = ? and platform_id = any(?) and outage_notice and created_at >= ?
                  and state in ('queued', 'sending', 'sent')
                """, rs -> rs.getString(1), tenantId, platformIds, since));
    }

    public List<Row> forRun(UUID runId, int limit, int offset) {
        return sql.query(
                """
                select run_id, contact_id, channel, state, attempts, provider_message_id, last_error, updated_at
                from delivery where run_id = ? order by contact_id limit ? offset ?
                """,
                rs -> new Row(
                        Sql.uuid(rs, "run_id"),
                        rs.getString("contact_id"),
                        rs.getString("channel"),
                        rs.getString("state"),
                        rs.getInt("attempts"),
                        rs.getString("provider_message_id"),
                        rs.getString("last_error"),
                        Sql.instant(rs, "updated_at")),
                runId,
                limit,
                offset);
    }
}
