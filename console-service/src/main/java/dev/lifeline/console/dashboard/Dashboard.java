package dev.lifeline.console.dashboard;

import dev.lifeline.console.account.Accounts;
import dev.lifeline.console.account.Business;
import dev.lifeline.console.account.ConsoleUser;
import dev.lifeline.console.services.ContactClient;
import dev.lifeline.console.services.MonitorClient;
import dev.lifeline.console.services.OutreachClient;
import dev.lifeline.console.services.ServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Gathers the dashboard from the services' APIs; a service that does not answer blanks its part only. */
@ApplicationScoped
public class Dashboard {

    static final List<String> CHANNELS = List.of("email", "sms", "whatsapp");
    private static final Logger LOG = Logger.getLogger(Dashboard.class);

    private final Accounts accounts;
    private final MonitorClient monitor;
    private final ContactClient contacts;
    private final OutreachClient outreach;
    private final ManagedExecutor executor;

    public Dashboard(
            Accounts accounts,
            MonitorClient monitor,
            ContactClient contacts,
            OutreachClient outreach,
            ManagedExecutor executor) {
        this.accounts = accounts;
        this.monitor = monitor;
        this.contacts = contacts;
        this.outreach = outreach;
        this.executor = executor;
    }

    public DashboardView of(ConsoleUser user, boolean withCounts) {
        Business business = accounts.businessOf(user).orElseThrow();
        String key = accounts.apiKey(business);
        applyPendingDependencies(business, key);
        // The services are asked side by side: the page waits for the slowest answer, not for the sum of them.
        CompletableFuture<Optional<List<MonitorClient.Platform>>> status =
                executor.supplyAsync(() -> monitor.tenantStatus(key));
        CompletableFuture<List<MonitorClient.TimelineOutage>> outages =
                executor.supplyAsync(() -> monitor.outages(key, 1));
        CompletableFuture<List<OutreachClient.Run>> runs = executor.supplyAsync(() -> runsOf(key));
        CompletableFuture<Map<String, Long>> counts =
                withCounts ? executor.supplyAsync(() -> reachable(key)) : CompletableFuture.completedFuture(Map.of());
        List<MonitorClient.Platform> platforms = null;
        MonitorClient.TimelineOutage last = null;
        boolean monitorDown = false;
        try {
            platforms = status.join().orElse(null);
            last = platforms == null
                    ? null
                    : outages.join().stream().findFirst().orElse(null);
        } catch (CompletionException e) {
            LOG.warnf("Dashboard without monitor-service: %s", e.getCause().getMessage());
            monitorDown = true;
        }
        OutageSends sent = null;
        if (last != null) {
            try {
                sent = OutageSends.of(last.id(), runs.join());
            } catch (CompletionException e) {
                LOG.warnf(
                        "No run figures from outreach-service: %s", e.getCause().getMessage());
            }
        }
        return new DashboardView(
                business.name, user.email, user.role, platforms, counts.join(), last, sent, monitorDown);
    }

    /** Every run of the business's campaigns, for the last outage's figures. */
    private List<OutreachClient.Run> runsOf(String key) {
        List<OutreachClient.Run> runs = new ArrayList<>();
        for (OutreachClient.Campaign campaign : outreach.campaigns(key)) {
            runs.addAll(outreach.runs(key, campaign.id()));
        }
        return runs;
    }

    /** Confirmed contacts per channel; each channel "not available" (null) while contact-service does not answer. */
    private Map<String, Long> reachable(String key) {
        Map<String, Long> reachable = new LinkedHashMap<>();
        Map<String, Long> counted;
        try {
            counted = contacts.reachable(key);
        } catch (ServiceUnavailableException | IllegalStateException e) {
            LOG.warnf("No contact counts from contact-service: %s", e.getMessage());
            counted = Map.of();
        }
        for (String channel : CHANNELS) {
            reachable.put(channel, counted.get(channel));
        }
        return reachable;
    }

    /**
     * The platforms chosen at sign-up go to monitor-service once it knows the tenant (it learns new tenants from
     * tenants.v1, moments after sign-up); until then this is tried on each visit.
     */
    @Transactional
    void applyPendingDependencies(Business detached, String key) {
        if (detached.pendingDependencies == null) {
            return;
        }
        try {
            List<String> ids = Arrays.asList(detached.pendingDependencies.split(","));
            if (monitor.setDependencies(key, ids)) {
                Optional<Business> business = Business.findByIdOptional(detached.id);
                business.ifPresent(b -> b.pendingDependencies = null);
                detached.pendingDependencies = null;
            }
        } catch (ServiceUnavailableException | IllegalStateException e) {
            LOG.warnf("Dependencies not set yet: %s", e.getMessage());
        }
    }
}
