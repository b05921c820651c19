package dev.lifeline.console.dashboard;

import dev.lifeline.console.account.Accounts;
import dev.lifeline.console.account.Business;
import dev.lifeline.console.account.ConsoleUser;
import dev.lifeline.console.services.ContactClient;
import dev.lifeline.console.services.MonitorClient;
import dev.lifeline.console.services.ServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

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

    public Dashboard(Accounts accounts, MonitorClient monitor, ContactClient contacts) {
        this.accounts = accounts;
        this.monitor = monitor;
        this.contacts = contacts;
    }

    public DashboardView of(ConsoleUser user, boolean withCounts) {
        Business business = accounts.businessOf(user).orElseThrow();
        String key = accounts.apiKey(business);
        applyPendingDependencies(business, key);
        List<MonitorClient.Platform> platforms = null;
        MonitorClient.Outage last = null;
        boolean monitorDown = false;
        try {
            platforms = monitor.tenantStatus(key).orElse(null);
            last = platforms == null ? null : monitor.lastOutage(key).orElse(null);
        } catch (ServiceUnavailableException | IllegalStateException e) {
            LOG.warnf("Dashboard without monitor-service: %s", e.getMessage());
            monitorDown = true;
        }
        Map<String, Long> reachable = withCounts ? reachable(key) : Map.of();
        return new DashboardView(business.name, user.email, user.role, platforms, reachable, last, monitorDown);
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
