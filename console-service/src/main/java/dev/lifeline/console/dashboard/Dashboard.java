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
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Gathers the dashboard from the services' APIs; a service that does not answer blanks its part only. */
@ApplicationScoped
public class Dashboard {

    static final List<String> CHANNELS = List.of("email", "sms", "whatsapp");
    private static final Logger LOG = Logger.getLogger(Dashboard.class);

    private final Accounts accounts;
    private final MonitorClient monitor;
    private final ContactClient contacts;
    private final OutreachClient outreach;

    public Dashboard(Accounts accounts, MonitorClient monitor, ContactClient contacts, OutreachClient outreach) {
        this.accounts = accounts;
        this.monitor = monitor;
        this.contacts = contacts;
        this.outreach = outreach;
    }

    public DashboardView of(ConsoleUser user, boolean withCounts) {
        Business business = accounts.businessOf(user).orElseThrow();
        String key = accounts.apiKey(business);
        applyPendingDependencies(business, key);
        List<MonitorClient.Platform> platforms = null;
        MonitorClient.TimelineOutage last = null;
        boolean monitorDown = false;
        try {
            platforms = monitor.tenantStatus(key).orElse(null);
            last = platforms == null
                    ? null
                    : monitor.outages(key, 1).stream().findFirst().orElse(null);
        } catch (ServiceUnavailableException | IllegalStateException e) {
            LOG.warnf("Dashboard without monitor-service: %s", e.getMessage());
            monitorDown = true;
        }
        Map<String, Long> reachable = withCounts ? reachable(key) : Map.of();
        OutageSends sent = last == null ? null : sendsFor(key, last.id());
        return new DashboardView(business.name, user.email, user.role, platforms, reachable, last, sent, monitorDown);
    }

    /** What the business's campaigns sent for the outage; null ("not available") while outreach does not answer. */
    private OutageSends sendsFor(String key, String outageId) {
        try {
            List<OutreachClient.Run> runs = new ArrayList<>();
            for (OutreachClient.Campaign campaign : outreach.campaigns(key)) {
                runs.addAll(outreach.runs(key, campaign.id()));
            }
            return OutageSends.of(outageId, runs);
        } catch (ServiceUnavailableException | IllegalStateException e) {
            LOG.warnf("No run figures from outreach-service: %s", e.getMessage());
            return null;
        }
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
