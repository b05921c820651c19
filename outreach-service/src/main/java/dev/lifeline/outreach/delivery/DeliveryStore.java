package dev.lifeline.outreach.delivery;

import dev.lifeline.outreach.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The delivery ledger. Its primary key (run, contact, channel) is what makes a send happen at most once. */
@ApplicationScoped
public class DeliveryStore {

    public record Row(UUID runId, String contactId, String channel, String state, int attempts,
            String providerMessageId, String lastError, Instant updatedAt) {
    }

    @Inject
    Sql sql;

    /** Queues the deliveries of a run in batches; returns the contact ids that were newly queued. */
    public List<String> queue(UUID runId, String tenantId, String platformId, boolean outageNotice, String channel,
            List<String> contactIds, Instant now) {
        return sql.with(c -> {
            List<String> queued = new java.util.ArrayList<>(contactIds.size());
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into delivery (run_id, contact_id, channel, tenant_id, platform_id, outage_notice, state,
                        created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, 'queued', ?, ?) on conflict do nothing
                    """)) {
                int pending = 0;
                List<String> batch = new java.util.ArrayList<>();
                for (String contactId : contactIds) {
                    Sql.bind(c, ps, runId, contactId, channel, tenantId, platformId, outageNotice, now, now);
                    ps.addBatch();
                    batch.add(contactId);
                    if (++pending == 1000) {
                        collect(ps.executeBatch(), batch, queued);
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    collect(ps.executeBatch(), batch, queued);
                }
            }
            return queued;
        });
    }

    private static void collect(int[] results, List<String> batch, List<String> queued) {
        for (int i = 0; i < results.length; i++) {
            if (results[i] != 0) {
                queued.add(batch.get(i));
            }
        }
        batch.clear();
    }

    /** Contacts that got (or are getting) an outage message for this platform since {@code since}. */
    public Set<String> notifiedSince(String tenantId, String platformId, Instant since) {
        return new HashSet<>(sql.query("""
                select distinct contact_id from delivery
                where tenant_id = ? and platform_id = ? and outage_notice and created_at >= ?
                  and state in ('queued', 'sending', 'sent')
                """, rs -> rs.getString(1), tenantId, platformId, since));
    }

    /** The claim: only one caller ever moves a delivery out of queued. Autocommits when outside a transaction. */
    public boolean claim(UUID runId, String contactId, String channel) {
        return sql.update("""
                update delivery set state = 'sending', attempts = attempts + 1, updated_at = now()
                where run_id = ? and contact_id = ? and channel = ? and state = 'queued'
                """, runId, contactId, channel) == 1;
    }

    public void attempt(UUID runId, String contactId, String channel, String error) {
        sql.update("update delivery set attempts = attempts + 1, last_error = ?, updated_at = now() "
                + "where run_id = ? and contact_id = ? and channel = ?", error, runId, contactId, channel);
    }

    public void finish(UUID runId, String contactId, String channel, String state, String providerMessageId, String error) {
        sql.update("""
                update delivery set state = ?, provider_message_id = coalesce(?, provider_message_id), last_error = ?,
                    updated_at = now()
                where run_id = ? and contact_id = ? and channel = ?
                """, state, providerMessageId, error, runId, contactId, channel);
    }

    /** Stops whatever of the run has not been claimed yet, deferred messages included. */
    public int cancelQueued(UUID runId) {
        return sql.update("update delivery set state = 'cancelled', last_error = 'run cancelled', updated_at = now() "
                + "where run_id = ? and state in ('queued', 'deferred')", runId);
    }

    /** Quiet hours: the claim is handed back, to be queued again at {@code until}. */
    public void defer(UUID runId, String contactId, String channel, Instant until) {
        sql.update("update delivery set state = 'deferred', not_before = ?, updated_at = now() "
                + "where run_id = ? and contact_id = ? and channel = ? and state = 'sending'", until, runId, contactId, channel);
    }

    /** A deferred delivery whose quiet hours are over, with what its job needs. */
    public record Due(UUID runId, String contactId, String channel, String tenantId, UUID campaignId) {
    }

    /** Moves deferred deliveries that are due back to queued; call inside a transaction that re-enqueues their jobs. */
    public List<Due> releaseDue(Instant now, int limit) {
        return sql.query("""
                with due as (
                    select run_id, contact_id, channel from delivery
                    where state = 'deferred' and not_before <= ? order by not_before limit ? for update skip locked)
                update delivery d set state = 'queued', updated_at = now()
                from due, campaign_run r
                where d.run_id = due.run_id and d.contact_id = due.contact_id and d.channel = due.channel and r.id = d.run_id
                returning d.run_id, d.contact_id, d.channel, d.tenant_id, r.campaign_id
                """, rs -> new Due(Sql.uuid(rs, "run_id"), rs.getString("contact_id"), rs.getString("channel"),
                rs.getString("tenant_id"), Sql.uuid(rs, "campaign_id")), now, limit);
    }

    public List<Row> forRun(UUID runId, int limit, int offset) {
        return sql.query("""
                select run_id, contact_id, channel, state, attempts, provider_message_id, last_error, updated_at
                from delivery where run_id = ? order by contact_id limit ? offset ?
                """, rs -> new Row(Sql.uuid(rs, "run_id"), rs.getString("contact_id"), rs.getString("channel"),
                rs.getString("state"), rs.getInt("attempts"), rs.getString("provider_message_id"),
                rs.getString("last_error"), Sql.instant(rs, "updated_at")), runId, limit, offset);
    }
}
