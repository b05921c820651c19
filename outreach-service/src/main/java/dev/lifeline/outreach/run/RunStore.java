package dev.lifeline.outreach.run;

import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.kit.trace.TraceContext;
import dev.lifeline.outreach.Sql;
import dev.lifeline.outreach.contacts.ContactStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RunStore {

    @Inject
    Sql sql;

    /**
     * Also keeps the current span's trace context with the run, for {@link RunTracing}.
     *
     * @return false when this campaign already has a run for the outage (a repeated or re-sent outage event)
     */
    public boolean insert(Run r) {
        TraceContext trace = TraceContext.current();
        return sql.update(
                        """
                insert into campaign_run (id, tenant_id, campaign_id, outage_id, platform_id, trigger, status, dry_run,
                    due_at, created_at, traceparent, tracestate)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (campaign_id, outage_id) where outage_id is not null do nothing
                """,
                        r.id(),
                        r.tenantId(),
                        r.campaignId(),
                        r.outageId(),
                        r.platformId(),
                        r.trigger(),
                        r.status(),
                        r.dryRun(),
                        r.dueAt(),
                        r.createdAt(),
                        trace.traceparent(),
                        trace.tracestate())
                > 0;
    }

    /** A run whose grace period is over, with the trace context of whatever scheduled it (none when tracing was off). */
    public record Due(Run run, TraceContext scheduledBy) {}

    /** Locks the next run whose grace period is over; other instances skip it. Call inside a transaction. */
    public Optional<Due> lockNextDue(Instant now) {
        return sql.one(
                """
                select * from campaign_run where status = 'scheduled' and due_at <= ?
                order by due_at limit 1 for update skip locked
                """,
                rs -> new Due(map(rs), TraceContext.of(rs.getString("traceparent"), rs.getString("tracestate"))),
                now);
    }

    public Optional<Instant> nextDue() {
        return sql.one(
                        "select min(due_at) as d from campaign_run where status = 'scheduled'",
                        rs -> Sql.instant(rs, "d"))
                .filter(Objects::nonNull);
    }

    public void markDispatched(UUID id, int audience, String status, Instant now) {
        sql.update(
                "update campaign_run set status = ?, audience = ?, dispatched_at = ?, finished_at = ? where id = ?",
                status,
                audience,
                now,
                RunStatus.COMPLETED.equals(status) ? now : null,
                id);
    }

    /**
     * Dispatched with its audience cut into slices, the first {@code published} of them on the work queue: one
     * statement, as a storm dispatches a thousand runs at once.
     */
    public void markDispatched(UUID id, int audience, String status, int slices, int published, Instant now) {
        sql.update("""
                update campaign_run set status = ?, audience = ?, dispatched_at = ?, finished_at = ?, slices = ?,
                    slices_published = ?
                where id = ?
                """, status, audience, now, RunStatus.COMPLETED.equals(status) ? now : null, slices, published, id);
    }

    /** A dispatched run with slices still to publish. */
    public record Feeding(
            UUID id, String tenantId, UUID campaignId, ContactChannel channel, int slices, int published) {}

    /** Locks dispatched runs that have slices to publish; other instances skip them. Call inside a transaction. */
    public List<Feeding> lockFeeding(int limit) {
        return sql.query(
                """
                select r.id, r.tenant_id, r.campaign_id, c.channel, r.slices, r.slices_published
                from campaign_run r join campaign c on c.id = r.campaign_id
                where r.status = 'dispatched' and r.slices_published < r.slices order by r.dispatched_at limit ?
                for update of r skip locked
                """,
                rs -> new Feeding(
                        Sql.uuid(rs, "id"),
                        rs.getString("tenant_id"),
                        Sql.uuid(rs, "campaign_id"),
                        ContactStore.channel(rs.getString("channel")),
                        rs.getInt("slices"),
                        rs.getInt("slices_published")),
                limit);
    }

    public void markPublished(UUID id, int published) {
        sql.update("update campaign_run set slices_published = ? where id = ?", published, id);
    }

    public void markCancelled(UUID id, Instant now) {
        sql.update(
                "update campaign_run set status = 'cancelled', finished_at = ? where id = ? and status <> 'cancelled'",
                now,
                id);
    }

    public Optional<Run> find(String tenantId, UUID id) {
        return sql.one("select * from campaign_run where tenant_id = ? and id = ?", RunStore::map, tenantId, id);
    }

    public List<Run> forCampaign(String tenantId, UUID campaignId) {
        return sql.query(
                "select * from campaign_run where tenant_id = ? and campaign_id = ? order by created_at desc",
                RunStore::map,
                tenantId,
                campaignId);
    }

    /** Runs of an outage that can still be stopped. */
    public List<Run> openForOutage(String outageId) {
        return sql.query(
                "select * from campaign_run where outage_id = ? and trigger = 'outage' and status in ('scheduled', 'dispatched')",
                RunStore::map,
                outageId);
    }

    /** Delivery counts by state and by receipt (delivered, undelivered, complained), every key present (zero when none). */
    public Map<String, Integer> counts(UUID runId) {
        return counts("run_id = ?", runId);
    }

    /** The same counts over every run of a campaign (dry runs have no deliveries, so they add nothing). */
    public Map<String, Integer> campaignCounts(UUID campaignId) {
        return counts("run_id in (select id from campaign_run where campaign_id = ?)", campaignId);
    }

    private Map<String, Integer> counts(String deliveriesOf, UUID id) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String s : List.of(
                "queued",
                "deferred",
                "sending",
                "sent",
                "failed",
                "bounced",
                "cancelled",
                "delivered",
                "undelivered",
                "complained")) {
            counts.put(s, 0);
        }
        // Receipts follow a send, so the state counts still add up to the audience and `sent` stays "the SMTP server
        // or provider took it". A delivered message also counts as sent; an undelivered or failed receipt is one that
        // could not be handed over after that. Why an asynchronous hard bounce also counts in `bounced` (which
        // otherwise counts synchronous SMTP 5xx refusals, state `bounced`): `bounced` answers "how many addresses
        // refused this message", and behind a relay such as SendGrid every refusal arrives later, as an event or DSN;
        // counting only synchronous ones would show none. Each delivery is counted there once: one refused in the
        // SMTP dialogue was never sent and never gets a receipt. A complaint implies the message was delivered, so it
        // counts in both `delivered` and `complained`.
        sql.query(
                "select state, receipt, count(*) as n from delivery where " + deliveriesOf + " group by state, receipt",
                rs -> {
                    int n = rs.getInt("n");
                    counts.merge(rs.getString("state"), n, Integer::sum);
                    String receipt = rs.getString("receipt");
                    if (receipt != null) {
                        switch (receipt) {
                            case "delivered" -> counts.merge("delivered", n, Integer::sum);
                            case "complained" -> {
                                counts.merge("delivered", n, Integer::sum);
                                counts.merge("complained", n, Integer::sum);
                            }
                            case "bounced" -> counts.merge("bounced", n, Integer::sum);
                            default -> counts.merge("undelivered", n, Integer::sum);
                        }
                    }
                    return null;
                },
                id);
        return counts;
    }

    static Run map(ResultSet rs) throws SQLException {
        Integer audience = rs.getObject("audience", Integer.class);
        return new Run(
                Sql.uuid(rs, "id"),
                rs.getString("tenant_id"),
                Sql.uuid(rs, "campaign_id"),
                rs.getString("outage_id"),
                rs.getString("platform_id"),
                rs.getString("trigger"),
                rs.getString("status"),
                rs.getBoolean("dry_run"),
                Sql.instant(rs, "due_at"),
                audience,
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "dispatched_at"),
                Sql.instant(rs, "finished_at"));
    }
}
