package dev.lifeline.outreach.run;

import dev.lifeline.kit.problem.ProblemException;
import dev.lifeline.outreach.campaign.Campaign;
import dev.lifeline.outreach.campaign.CampaignKind;
import dev.lifeline.outreach.campaign.CampaignStore;
import dev.lifeline.outreach.delivery.DeliveryHistory;
import dev.lifeline.outreach.delivery.DeliveryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RunService {

    @Inject
    RunStore runs;

    @Inject
    CampaignStore campaigns;

    @Inject
    DeliveryStore deliveries;

    @Inject
    DeliveryHistory history;

    @Inject
    RunLauncher launcher;

    public RunView view(Run run) {
        return RunView.of(run, runs.counts(run.id()));
    }

    public RunView get(String tenantId, UUID runId) {
        return view(runs.find(tenantId, runId).orElseThrow(() -> ProblemException.notFound("run")));
    }

    public List<RunView> forCampaign(String tenantId, UUID campaignId) {
        campaigns.find(tenantId, campaignId).orElseThrow(() -> ProblemException.notFound("campaign"));
        return runs.forCampaign(tenantId, campaignId).stream().map(this::view).toList();
    }

    public CampaignTotals totals(String tenantId, UUID campaignId) {
        campaigns.find(tenantId, campaignId).orElseThrow(() -> ProblemException.notFound("campaign"));
        return CampaignTotals.of(
                campaignId, runs.forCampaign(tenantId, campaignId).size(), runs.campaignCounts(campaignId));
    }

    /** A person starts the campaign now, for the campaign's platform (or a chosen one when it covers any). */
    public RunView trigger(String tenantId, UUID campaignId, boolean dryRun, String platformId) {
        Run run = createManual(tenantId, campaignId, dryRun, platformId);
        launcher.wake();
        return view(run);
    }

    @Transactional
    Run createManual(String tenantId, UUID campaignId, boolean dryRun, String platformId) {
        Campaign c = campaigns.find(tenantId, campaignId).orElseThrow(() -> ProblemException.notFound("campaign"));
        String platform = platformId != null ? platformId : c.platformId();
        if (!c.covers(platform) || Campaign.ANY_PLATFORM.equals(platform)) {
            throw ProblemException.field(
                    422,
                    "platformId",
                    Campaign.ANY_PLATFORM.equals(c.platformId())
                            ? "is required for a campaign that covers any platform"
                            : "must be the campaign's platform");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Run run = new Run(
                UUID.randomUUID(),
                tenantId,
                campaignId,
                null,
                platform,
                c.kind() == CampaignKind.RECOVERY ? Run.TRIGGER_MANUAL : Run.TRIGGER_MANUAL,
                RunStatus.SCHEDULED,
                dryRun,
                now,
                null,
                now,
                null,
                null);
        runs.insert(run);
        return run;
    }

    /** Stops what has not been sent yet; what is already sent stays sent. */
    @Transactional
    public RunView cancel(String tenantId, UUID runId) {
        Run run = runs.find(tenantId, runId).orElseThrow(() -> ProblemException.notFound("run"));
        if (RunStatus.SCHEDULED.equals(run.status()) || RunStatus.DISPATCHED.equals(run.status())) {
            deliveries.cancelQueued(runId);
            runs.markCancelled(runId, Instant.now());
        }
        return view(runs.find(tenantId, runId).orElseThrow());
    }

    public List<DeliveryHistory.Row> deliveries(String tenantId, UUID runId, int limit, int offset) {
        runs.find(tenantId, runId).orElseThrow(() -> ProblemException.notFound("run"));
        return history.forRun(runId, limit, offset);
    }
}
