package dev.lifeline.outreach.run;

import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.outreach.DeliveryJob;
import dev.lifeline.kit.outbox.Outbox;
import dev.lifeline.outreach.Sql;
import dev.lifeline.outreach.campaign.Campaign;
import dev.lifeline.outreach.campaign.CampaignChannel;
import dev.lifeline.outreach.campaign.CampaignStore;
import dev.lifeline.outreach.config.OutreachConfig;
import dev.lifeline.outreach.contacts.ContactStore;
import dev.lifeline.outreach.delivery.DeliveryHistory;
import dev.lifeline.outreach.delivery.DeliveryStore;
import dev.lifeline.outreach.delivery.Slicing;
import dev.lifeline.outreach.outage.OutageStore;
import dev.lifeline.outreach.platform.PlatformGroups;
import dev.lifeline.outreach.webhook.WebhookDispatch;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a run whose grace period is over into delivery batches: ledger rows and outbox records (one per slice of the
 * audience), in one transaction, so a restart either sees the run still scheduled or every batch written.
 */
@ApplicationScoped
public class RunDispatcher {

    private static final Logger LOG = Logger.getLogger(RunDispatcher.class);

    @Inject
    RunStore runs;

    @Inject
    CampaignStore campaigns;

    @Inject
    ContactStore contacts;

    @Inject
    DeliveryStore deliveries;

    @Inject
    DeliveryHistory history;

    @Inject
    Outbox outbox;

    @Inject
    OutreachConfig config;

    @Inject
    Sql sql;

    @Inject
    WebhookDispatch webhooks;

    @Inject
    RunTracing tracing;

    @Inject
    RunFeeder feeder;

    @Inject
    PlatformGroups platformGroups;

    @Inject
    OutageStore outages;

    /** @return true when a due run was dispatched (call again), false when none is due */
    @Transactional
    public boolean dispatchNext() {
        Instant now = Instant.now();
        Optional<RunStore.Due> next = runs.lockNextDue(now);
        if (next.isEmpty()) {
            return false;
        }
        Run run = next.get().run();
        Optional<Campaign> campaign = campaigns.find(run.tenantId(), run.campaignId());
        if (campaign.isEmpty() || (!campaign.get().active() && !Run.TRIGGER_MANUAL.equals(run.trigger()))) {
            runs.markCancelled(run.id(), now);
            return true;
        }
        Span span = tracing.start(run, next.get().scheduledBy());
        try (Scope ignored = span.makeCurrent()) {
            dispatch(run, campaign.get(), now);
        } finally {
            span.end();
        }
        return true;
    }

    private void dispatch(Run run, Campaign campaign, Instant now) {
        if (campaign.channel() == CampaignChannel.WEBHOOK) {
            runs.markDispatched(run.id(), 1, run.dryRun() ? RunStatus.COMPLETED : RunStatus.DISPATCHED, 0, 0, now);
            if (!run.dryRun()) {
                webhooks.queue(run, campaign, now);
            }
            return;
        }
        // Serialises runs of one tenant and platform group, so that "one incident, one message" holds across
        // campaigns and across the platforms of one incident (Instagram and WhatsApp down together).
        sql.one(
                "select pg_advisory_xact_lock(hashtext(?))",
                rs -> 1,
                run.tenantId() + "|" + platformGroups.groupKey(run.platformId()));
        Set<String> family = platformGroups.family(run.platformId());
        IncidentRules rules = IncidentRules.of(campaign.kind(), run.trigger());
        Set<String> toldOfOutage = rules.recovery() ? history.toldOfOutage(run.tenantId(), run.outageId()) : Set.of();
        Set<String> alreadyTold = rules.outageNotice()
                ? history.notifiedSince(run.tenantId(), family, now.minus(config.noticeWindow()))
                : rules.recovery() ? history.toldOfRecovery(run.tenantId(), run.outageId()) : Set.of();
        Set<String> down = rules.downPlatforms(
                family,
                outages.openPlatforms(run.tenantId()).stream()
                        .map(platformGroups::family)
                        .toList());
        Set<ContactChannel> offered = offeredChannels(run, campaign);
        List<String> audience = new ArrayList<>();
        contacts.forEachReachable(run.tenantId(), c -> {
            if (rules.mayReach(c.contactId(), toldOfOutage, alreadyTold)
                    && AudiencePlanner.includes(
                            c, campaign.channel().contactChannel(), offered, down, campaign.tags(), Set.of())) {
                audience.add(c.contactId());
            }
        });
        if (run.dryRun()) {
            runs.markDispatched(run.id(), audience.size(), RunStatus.COMPLETED, 0, 0, now);
            return;
        }
        ContactChannel channel = campaign.channel().contactChannel();
        Slicing slicing = feeder.slicing();
        List<String> queued = new ArrayList<>(audience.size());
        // In chunks, so that a large run's rows are never all in one statement.
        for (int from = 0; from < audience.size(); from += 5000) {
            queued.addAll(deliveries.queue(
                    run.id(),
                    run.tenantId(),
                    run.platformId(),
                    rules.outageNotice(),
                    ContactStore.channelName(channel),
                    audience.subList(from, Math.min(audience.size(), from + 5000)),
                    from,
                    slicing,
                    now));
        }
        // The opening slice goes out with the dispatch; RunFeeder publishes the rest as it is sent.
        Set<String> newlyQueued = new HashSet<>(queued);
        List<String> opening = audience.subList(0, Math.min(audience.size(), slicing.opening())).stream()
                .filter(newlyQueued::contains)
                .toList();
        if (!opening.isEmpty()) {
            feeder.publishOpening(run.id(), run.tenantId(), campaign.id(), channel, opening);
        }
        runs.markDispatched(
                run.id(),
                audience.size(),
                audience.isEmpty() ? RunStatus.COMPLETED : RunStatus.DISPATCHED,
                slicing.count(audience.size()),
                opening.isEmpty() ? 0 : 1,
                now);
        LOG.infof("Run %s of campaign %s dispatched: %d deliveries", run.id(), campaign.id(), queued.size());
    }

    /** Re-queues deliveries whose quiet hours are over. @return how many */
    @Transactional
    public int releaseDeferred() {
        List<DeliveryStore.Due> due = deliveries.releaseDue(Instant.now(), 5000);
        outbox.enqueueAll(
                Topics.OUTREACH_DELIVERIES,
                due.stream()
                        .map(d -> new DeliveryJob(
                                d.tenantId(),
                                d.runId().toString(),
                                d.campaignId().toString(),
                                d.contactId(),
                                ContactStore.channel(d.channel())))
                        .toList());
        return due.size();
    }

    /** Channels the tenant reaches people on for this incident: its active campaigns of the same kind. */
    private Set<ContactChannel> offeredChannels(Run run, Campaign campaign) {
        Set<ContactChannel> offered = EnumSet.of(campaign.channel().contactChannel());
        if (!Run.TRIGGER_MANUAL.equals(run.trigger())) {
            for (Campaign c : campaigns.activeFor(run.platformId(), run.tenantId(), campaign.kind())) {
                if (c.tenantId().equals(run.tenantId()) && c.channel().contactChannel() != null) {
                    offered.add(c.channel().contactChannel());
                }
            }
        }
        return offered;
    }
}
