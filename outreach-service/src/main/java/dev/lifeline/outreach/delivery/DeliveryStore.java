package dev.lifeline.outreach.delivery;

import dev.lifeline.outreach.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.lang.management.ManagementFactory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The delivery ledger's state changes. Its primary key (run, contact, channel) and the claim (queued → sending, with a
 * token) make one sender at a time own a delivery; a claim whose lease ran out is taken back by {@link ClaimSweeper}.
 * What the ledger says about who was told is read through {@link DeliveryHistory}.
 *
 * <p>Plain SQL: a run is queued in one statement over arrays, a claim is a conditional update whose row count says who
 * won it, expired claims are taken with {@code for update skip locked}, and releases go in JDBC batches; JPA has no
 * word for these, and they are the storm's hot path.
 */
@ApplicationScoped
public class DeliveryStore {

    /** Who claims: shown in the ledger, so an operator can tell which instance a stranded claim belonged to. */
    public static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    @Inject
    Sql sql;

    /**
     * Queues the deliveries of a run, the i-th contact in slice {@code slicing.sliceOf(firstIndex + i)}; returns the
     * contact ids that were newly queued. One statement over arrays rather than a row per statement: in a storm a
     * thousand runs are queued at once, and per-row inserts were most of each dispatch's time.
     */
    public List<String> queue(
            UUID runId,
            String tenantId,
            String platformId,
            boolean outageNotice,
            String channel,
            List<String> contactIds,
            int firstIndex,
            Slicing slicing,
            Instant now) {
        Integer[] slices = new Integer[contactIds.size()];
        for (int i = 0; i < slices.length; i++) {
            slices[i] = slicing.sliceOf(firstIndex + i);
        }
        return sql.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into delivery (run_id, contact_id, channel, tenant_id, platform_id, outage_notice, state,
                        created_at, updated_at, slice)
                    select ?, u.contact_id, ?, ?, ?, ?, 'queued', ?, ?, u.slice
                    from unnest(?::text[], ?::integer[]) as u(contact_id, slice)
                    on conflict do nothing returning contact_id
                    """)) {
                Sql.bind(c, ps, runId, channel, tenantId, platformId, outageNotice, now, now, contactIds);
                ps.setArray(9, c.createArrayOf("integer", slices));
                List<String> queued = new ArrayList<>(contactIds.size());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        queued.add(rs.getString(1));
                    }
                }
                return queued;
            }
        });
    }

    /**
     * Whether an opening slice queued since {@code since} is still waiting for a sender: while one is, no run's bulk
     * joins the work queue (RunFeeder), so the business it belongs to is not put behind anyone's bulk.
     */
    public boolean openingWaiting(Instant since) {
        return sql.one(
                        "select 1 from delivery where state = 'queued' and slice = 0 and created_at >= ? limit 1",
                        rs -> 1,
                        since)
                .isPresent();
    }

    /** Queued deliveries of a run in slices {@code [from, to)}, by slice, in slice order. */
    public SortedMap<Integer, List<String>> queuedInSlices(UUID runId, int from, int to) {
        SortedMap<Integer, List<String>> slices = new TreeMap<>();
        sql.query(
                "select slice, contact_id from delivery where run_id = ? and state = 'queued' and slice >= ? and slice < ?",
                rs -> slices.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                        .add(rs.getString(2)),
                runId,
                from,
                to);
        return slices;
    }

    /** Deliveries of a run still queued in its published slices: what the work queue holds of it. */
    public int queuedBefore(UUID runId, int slice) {
        return sql.one(
                        "select count(*) from delivery where run_id = ? and state = 'queued' and slice < ?",
                        rs -> rs.getInt(1),
                        runId,
                        slice)
                .orElse(0);
    }

    /**
     * The claim: only one caller ever moves a delivery out of queued. Autocommits when outside a transaction.
     *
     * @return the claim's token when this caller won it
     */
    public Optional<UUID> claim(UUID runId, String contactId, String channel) {
        UUID token = UUID.randomUUID();
        return sql.update("""
                update delivery set state = 'sending', attempts = attempts + 1, claim_token = ?, claimed_at = now(),
                    claimed_by = ?, updated_at = now()
                where run_id = ? and contact_id = ? and channel = ? and state = 'queued'
                """, token, INSTANCE, runId, contactId, channel) == 1 ? Optional.of(token) : Optional.empty();
    }

    /** Moves the claim's time to now. @return false when the claim is no longer the token's (the lease ran out) */
    public boolean confirm(UUID runId, String contactId, String channel, UUID token) {
        return sql.update(
                        "update delivery set claimed_at = now() "
                                + "where run_id = ? and contact_id = ? and channel = ? and state = 'sending' and claim_token = ?",
                        runId,
                        contactId,
                        channel,
                        token)
                == 1;
    }

    /** A transient error before a retry. @return false when the claim is no longer the token's */
    public boolean attempt(UUID runId, String contactId, String channel, UUID token, String error) {
        return sql.update(
                        "update delivery set attempts = attempts + 1, last_error = ?, updated_at = now() "
                                + "where run_id = ? and contact_id = ? and channel = ? and state = 'sending' and claim_token = ?",
                        error,
                        runId,
                        contactId,
                        channel,
                        token)
                == 1;
    }

    /** The outcome of a claim; ignored when the claim is no longer the token's (a newer claim owns the row). */
    public void finish(
            UUID runId,
            String contactId,
            String channel,
            UUID token,
            String state,
            String providerMessageId,
            String error) {
        sql.update("""
                update delivery set state = ?, provider_message_id = coalesce(?, provider_message_id), last_error = ?,
                    updated_at = now()
                where run_id = ? and contact_id = ? and channel = ? and state = 'sending' and claim_token = ?
                """, state, providerMessageId, error, runId, contactId, channel, token);
    }

    /** Stops whatever of the run has not been claimed yet, deferred messages included. */
    public int cancelQueued(UUID runId) {
        return sql.update(
                "update delivery set state = 'cancelled', last_error = 'run cancelled', updated_at = now() "
                        + "where run_id = ? and state in ('queued', 'deferred')",
                runId);
    }

    /** Quiet hours: the claim is handed back, to be queued again at {@code until}. */
    public void defer(UUID runId, String contactId, String channel, UUID token, Instant until) {
        sql.update(
                "update delivery set state = 'deferred', not_before = ?, updated_at = now() "
                        + "where run_id = ? and contact_id = ? and channel = ? and state = 'sending' and claim_token = ?",
                until,
                runId,
                contactId,
                channel,
                token);
    }

    /** A deferred delivery whose quiet hours are over, with what its job needs. */
    public record Due(UUID runId, String contactId, String channel, String tenantId, UUID campaignId) {}

    /** Moves deferred deliveries that are due back to queued; call inside a transaction that re-enqueues their jobs. */
    public List<Due> releaseDue(Instant now, int limit) {
        return sql.query(
                """
                with due as (
                    select run_id, contact_id, channel from delivery
                    where state = 'deferred' and not_before <= ? order by not_before limit ? for update skip locked)
                update delivery d set state = 'queued', updated_at = now()
                from due, campaign_run r
                where d.run_id = due.run_id and d.contact_id = due.contact_id and d.channel = due.channel and r.id = d.run_id
                returning d.run_id, d.contact_id, d.channel, d.tenant_id, r.campaign_id
                """,
                rs -> new Due(
                        Sql.uuid(rs, "run_id"),
                        rs.getString("contact_id"),
                        rs.getString("channel"),
                        rs.getString("tenant_id"),
                        Sql.uuid(rs, "campaign_id")),
                now,
                limit);
    }

    /**
     * Locks deliveries whose claim is older than the lease; other sweepers skip them, and a late outcome of their old
     * sender waits for the lock and then no longer matches the token. Call inside the transaction that releases them.
     */
    public List<ExpiredClaim> lockExpiredClaims(Duration lease, int limit) {
        return sql.query(
                """
                select d.run_id, d.contact_id, d.channel, d.tenant_id, r.campaign_id, r.status, r.trigger,
                    o.resolved_at is not null as outage_resolved
                from delivery d join campaign_run r on r.id = d.run_id left join outage o on o.outage_id = r.outage_id
                where d.state = 'sending' and d.claimed_at < now() - make_interval(secs => ?)
                order by d.claimed_at limit ? for update of d skip locked
                """,
                rs -> new ExpiredClaim(
                        Sql.uuid(rs, "run_id"),
                        rs.getString("contact_id"),
                        rs.getString("channel"),
                        rs.getString("tenant_id"),
                        Sql.uuid(rs, "campaign_id"),
                        rs.getString("status"),
                        rs.getString("trigger"),
                        rs.getBoolean("outage_resolved")),
                lease.toMillis() / 1000.0,
                limit);
    }

    /** Expired claims back to queued (the lost attempt counted), or cancelled with the reason given. */
    public void release(List<ExpiredClaim> expired) {
        sql.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    update delivery set state = ?, attempts = attempts + ?, last_error = ?, claim_token = null,
                        claimed_by = null, updated_at = now()
                    where run_id = ? and contact_id = ? and channel = ? and state = 'sending'
                    """)) {
                for (ExpiredClaim e : expired) {
                    Optional<String> cancellation = e.cancellation();
                    Sql.bind(
                            c,
                            ps,
                            cancellation.isPresent() ? DeliveryState.CANCELLED : DeliveryState.QUEUED,
                            cancellation.isPresent() ? 0 : 1,
                            cancellation.orElse(ExpiredClaim.LEASE_EXPIRED),
                            e.runId(),
                            e.contactId(),
                            e.channel());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }
}
