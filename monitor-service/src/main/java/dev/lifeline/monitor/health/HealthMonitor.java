package dev.lifeline.monitor.health;

import dev.lifeline.events.outage.OutageSource;
import dev.lifeline.events.outage.ProbeEvidence;
import dev.lifeline.events.outage.Severity;
import dev.lifeline.monitor.config.MonitorConfig;
import dev.lifeline.monitor.outage.OutageChanged;
import dev.lifeline.monitor.outage.OutageEntity;
import dev.lifeline.monitor.outage.OutageService;
import dev.lifeline.monitor.probe.ProbeResult;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Feeds probe results into each platform's state machine and turns its decisions into outages. Memory holds which
 * outages are open (loaded at start, kept current from committed changes) so a probe result costs no query unless it
 * changes something.
 */
@ApplicationScoped
public class HealthMonitor {

    private static final Logger LOG = Logger.getLogger(HealthMonitor.class);
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);

    private final OutageService outages;
    private final dev.lifeline.monitor.status.StatusStream stream;
    private final PlatformMetrics metrics;
    private final Clock clock;
    private final HealthPolicy policy;
    private final String instanceSuffix;
    private final Map<String, PlatformHealth> healths = new ConcurrentHashMap<>();
    private final Map<String, OutageSource> open = new ConcurrentHashMap<>();
    private final Map<String, String> announced = new ConcurrentHashMap<>();
    private volatile Instant lastErrorLog = Instant.EPOCH;

    public HealthMonitor(OutageService outages, Clock clock, MonitorConfig config,
                         dev.lifeline.monitor.status.StatusStream stream, PlatformMetrics metrics) {
        this.outages = outages;
        this.stream = stream;
        this.metrics = metrics;
        this.clock = clock;
        this.policy = new HealthPolicy(config.failureThreshold(), config.successThreshold(), config.quorum(),
                config.flapWindow(), config.flapHigh(), config.flapLow(), HealthPolicy.DEFAULT.voterTtl());
        this.instanceSuffix = config.instanceId();
    }

    void loadOpenOutages(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() ->
                OutageEntity.allOpen().forEach(o -> open.put(o.platformId, o.source)));
    }

    void onOutageChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutageChanged change) {
        if ("resolved".equals(change.kind())) {
            open.remove(change.outage().platformId());
            announced.remove(change.outage().platformId());
        } else {
            open.put(change.outage().platformId(), change.outage().source());
        }
    }

    public void accept(ProbeResult result) {
        metrics.probe(result);
        PlatformHealth health = healths.computeIfAbsent(result.platformId(), id -> new PlatformHealth(policy, clock));
        synchronized (health) {
            Transition transition = health.observe(result.observation(instanceSuffix));
            if (transition.from() != transition.to()) {
                stream.stateChanged(result.platformId(), transition.to().name().toLowerCase(java.util.Locale.ROOT));
                metrics.state(result.platformId(), transition.to());
            }
            try {
                reconcile(result.platformId(), health);
            } catch (RuntimeException e) {
                logRarely(e);
            }
        }
    }

    private void reconcile(String platformId, PlatformHealth health) {
        boolean wanted = health.state().outageOpen();
        OutageSource current = open.get(platformId);
        if (wanted && current == null) {
            outages.startFromProbes(platformId, health.severity(), health.firstBadAt(), health.evidence())
                    .ifPresent(o -> announced.put(platformId, signature(health)));
        } else if (!wanted && current == OutageSource.PROBE) {
            outages.resolveFromProbes(platformId);
        } else if (wanted && current == OutageSource.PROBE) {
            String signature = signature(health);
            String before = announced.put(platformId, signature);
            if (before != null && !before.equals(signature)) {
                outages.updateFromProbes(platformId, health.severity(), health.evidence());
            }
        }
    }

    /** What counts as "evidence changed": the severity and which probes are healthy, not every latency wiggle. */
    private static String signature(PlatformHealth health) {
        return health.severity() + "|" + health.evidence().stream()
                .map(e -> e.probeId() + "=" + e.healthy()).sorted().collect(Collectors.joining(","));
    }

    public Optional<PlatformHealth> health(String platformId) {
        return Optional.ofNullable(healths.get(platformId));
    }

    public Optional<OutageSource> openOutage(String platformId) {
        return Optional.ofNullable(open.get(platformId));
    }

    public List<ProbeEvidence> evidence(String platformId) {
        PlatformHealth health = healths.get(platformId);
        if (health == null) {
            return List.of();
        }
        synchronized (health) {
            return health.evidence();
        }
    }

    public Severity severity(String platformId) {
        PlatformHealth health = healths.get(platformId);
        return health == null ? Severity.MINOR : health.severity();
    }

    /** A database outage would fail every probe result; say so once a minute, not a thousand times. */
    private void logRarely(RuntimeException e) {
        Instant now = Instant.now();
        if (Duration.between(lastErrorLog, now).compareTo(LOG_EVERY) >= 0) {
            lastErrorLog = now;
            LOG.warnf("Cannot record an outage decision (will retry on the next probe result): %s", e.getClass().getName());
        }
    }
}
