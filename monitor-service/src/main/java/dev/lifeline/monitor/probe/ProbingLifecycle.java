package dev.lifeline.monitor.probe;

import dev.lifeline.kit.egress.EgressGuard;
import dev.lifeline.kit.egress.GuardedHttpClient;
import dev.lifeline.monitor.catalog.CatalogDefaults;
import dev.lifeline.monitor.catalog.TenantPlatformService;
import dev.lifeline.monitor.config.MonitorConfig;
import dev.lifeline.monitor.health.HealthMonitor;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Starts the probe runner with the catalogue's probes (and tenants' probes) and stops it with the application. */
@ApplicationScoped
public class ProbingLifecycle {

    private final MonitorConfig config;
    private final HealthMonitor health;
    private final ProbeHistory history;
    private final Clock clock;
    private final Instance<TenantPlatformService> storedProbes;
    private final GuardedHttpClient http;
    private final EgressGuard guard;
    private ProbeRunner runner;
    private ExecutorService blockingPool;
    /** Tenants' probes this instance runs (the catalogue's come from configuration and never change). */
    private final Map<String, ProbeDefinition> stored = new ConcurrentHashMap<>();

    public ProbingLifecycle(
            MonitorConfig config,
            HealthMonitor health,
            ProbeHistory history,
            Clock clock,
            Instance<TenantPlatformService> storedProbes,
            GuardedHttpClient http,
            EgressGuard guard) {
        this.storedProbes = storedProbes;
        this.http = http;
        this.guard = guard;
        this.config = config;
        this.health = health;
        this.history = history;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        if (!config.probingEnabled()) {
            return;
        }
        blockingPool = Executors.newFixedThreadPool(config.blockingThreads(), named("probe-blocking"));
        List<ProbeDefinition> catalogue = CatalogDefaults.probes(
                config.catalogMode(), config.simulatorUrl(), config.catalogInterval(), config.catalogTimeout());
        // The catalogue's probes are the operator's, not a tenant's: the egress guard does not apply to them.
        Set<String> catalogueIds = catalogue.stream().map(ProbeDefinition::id).collect(Collectors.toUnmodifiableSet());
        ProbeExecutor executor =
                new ProbeExecutor(http, guard, blockingPool, clock, probe -> catalogueIds.contains(probe.id()));
        runner = new ProbeRunner(new ProbeSchedule(clock), executor, config.maxInFlight(), result -> {
            history.record(result);
            health.accept(result);
        });
        catalogue.forEach(runner::put);
        storedProbes.get().allStoredProbes().forEach(this::put);
        runner.start();
    }

    /**
     * Tenants add and remove probes through any replica; every replica runs every probe, so each picks the changes
     * up from the shared database (the replica that took the request applies them at once).
     */
    @Scheduled(
            every = "${lifeline.monitor.probe-sync-interval:15s}",
            delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void syncStoredProbes() {
        if (runner == null) {
            return;
        }
        try {
            Map<String, ProbeDefinition> now = new HashMap<>();
            storedProbes.get().allStoredProbes().forEach(p -> now.put(p.id(), p));
            now.values().stream().filter(p -> !p.equals(stored.get(p.id()))).forEach(this::put);
            stored.keySet().stream().filter(id -> !now.containsKey(id)).toList().forEach(this::remove);
        } catch (RuntimeException e) {
            // The database is away: the probes already known keep running; the next sync catches up.
        }
    }

    public void put(ProbeDefinition probe) {
        if (runner != null) {
            stored.put(probe.id(), probe);
            runner.put(probe);
        }
    }

    public void remove(String probeId) {
        if (runner != null) {
            stored.remove(probeId);
            runner.remove(probeId);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (runner != null) {
            runner.close();
            blockingPool.shutdownNow();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
