package dev.lifeline.monitor.health;

import dev.lifeline.events.outage.OutageSource;
import dev.lifeline.events.outage.ProbeEvidence;
import dev.lifeline.events.outage.ProbeVerdict;
import dev.lifeline.events.outage.Severity;
import dev.lifeline.monitor.catalog.PlatformDirectory;
import dev.lifeline.monitor.config.MonitorConfig;
import dev.lifeline.monitor.outage.OutageChanged;
import dev.lifeline.monitor.outage.OutageEntity;
import dev.lifeline.monitor.outage.OutageService;
import dev.lifeline.monitor.outage.OutageView;
import dev.lifeline.monitor.probe.ProbeResult;
import dev.lifeline.monitor.status.StatusStream;
import dev.lifeline.monitor.verdict.VerdictPublisher;
import dev.lifeline.monitor.verdict.Verdicts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Feeds verdicts into the platforms' state machines (through {@link OutageReconciler}): this instance's probe results,
 * which it also publishes for the other instances, and the other instances' verdicts from the shared topic. Outages
 * open in the shared database are loaded before the first verdict counts.
 */
@ApplicationScoped
public class HealthMonitor {

    private static final Logger LOG = Logger.getLogger(HealthMonitor.class);
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);

    private final OutageService outages;
    private final StatusStream stream;
    private final PlatformMetrics metrics;
    private final PlatformDirectory platforms;
    private final VerdictPublisher publisher;
    private final String instanceId;
    private final OutageReconciler reconciler;
    private volatile boolean loaded;
    private volatile Instant lastErrorLog = Instant.EPOCH;

    public HealthMonitor(
            OutageService outages,
            Clock clock,
            MonitorConfig config,
            StatusStream stream,
            PlatformMetrics metrics,
            PlatformDirectory platforms,
            VerdictPublisher publisher) {
        this.outages = outages;
        this.stream = stream;
        this.metrics = metrics;
        this.platforms = platforms;
        this.publisher = publisher;
        this.instanceId = config.instanceId();
        HealthPolicy policy = new HealthPolicy(
                config.failureThreshold(),
                config.successThreshold(),
                config.quorum(),
                config.flapWindow(),
                config.flapHigh(),
                config.flapLow(),
                HealthPolicy.DEFAULT.voterTtl());
        this.reconciler = new OutageReconciler(policy, clock, new DatabaseLedger(), this::stateChanged);
    }

    /** A probe run of this instance: counted, shared with the other instances, and fed to our own machine. */
    public void accept(ProbeResult result) {
        metrics.probe(result);
        publisher.publish(Verdicts.of(result, instanceId));
        feed(result.platformId(), result.observation(instanceId));
    }

    /** Another instance's verdict from the shared topic; our own come back there too and were fed already. */
    public void acceptRemote(ProbeVerdict verdict) {
        if (!instanceId.equals(verdict.instanceId())) {
            feed(verdict.platformId(), Verdicts.observation(verdict));
        }
    }

    private void feed(String platformId, Observation observation) {
        try {
            loadOpenOutages();
            if (observation.outcome() == ProbeOutcome.MAINTENANCE && platforms.maintenanceIsOutage(platformId)) {
                observation = observation.as(ProbeOutcome.FAILED, Severity.MAJOR);
            }
            reconciler.observe(platformId, observation);
        } catch (RuntimeException e) {
            logRarely(e);
        }
    }

    private void loadOpenOutages() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    QuarkusTransaction.requiringNew()
                            .run(() -> OutageEntity.allOpen()
                                    .forEach(o -> reconciler.opened(
                                            o.platformId,
                                            new OutageReconciler.OpenOutage(o.id.toString(), o.source, o.startedAt))));
                    loaded = true;
                }
            }
        }
    }

    /** This instance's own commits: known at once, before the topic brings them back. */
    void onOutageChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutageChanged change) {
        outageEvent(
                change.kind(),
                change.outage().platformId(),
                change.outage().id(),
                change.outage().source(),
                change.outage().startedAt());
    }

    /** An outage event from platform-outages.v1, whichever instance (or person) caused it. */
    public void outageEvent(String kind, String platformId, String outageId, OutageSource source, Instant startedAt) {
        if ("resolved".equals(kind)) {
            reconciler.closed(platformId, outageId, source);
        } else {
            reconciler.opened(platformId, new OutageReconciler.OpenOutage(outageId, source, startedAt));
        }
    }

    private void stateChanged(String platformId, HealthState state) {
        stream.stateChanged(platformId, state.name().toLowerCase(Locale.ROOT));
        metrics.state(platformId, state);
    }

    public Optional<PlatformHealth> health(String platformId) {
        return reconciler.health(platformId);
    }

    public Optional<OutageSource> openOutage(String platformId) {
        return reconciler.openOutage(platformId).map(OutageReconciler.OpenOutage::source);
    }

    public List<ProbeEvidence> evidence(String platformId) {
        return reconciler
                .health(platformId)
                .map(h -> {
                    synchronized (h) {
                        return h.evidence();
                    }
                })
                .orElse(List.of());
    }

    /** A database outage would fail every probe result; say so once a minute, not a thousand times. */
    private void logRarely(RuntimeException e) {
        Instant now = Instant.now();
        if (Duration.between(lastErrorLog, now).compareTo(LOG_EVERY) >= 0) {
            lastErrorLog = now;
            LOG.warnf(
                    "Cannot record an outage decision (will retry on the next probe result): %s",
                    e.getClass().getName());
        }
    }

    /** The ledger is PostgreSQL: OutageService serialises each platform's decisions across instances. */
    private final class DatabaseLedger implements OutageReconciler.Ledger {
        @Override
        public Optional<OutageReconciler.OpenOutage> start(
                String platformId, Severity severity, Instant startedAt, List<ProbeEvidence> evidence) {
            return outages.startFromProbes(platformId, severity, startedAt, evidence, instanceId)
                    .map(HealthMonitor::open);
        }

        @Override
        public void resolve(String platformId) {
            outages.resolveFromProbes(platformId);
        }

        @Override
        public void update(String platformId, Severity severity, List<ProbeEvidence> evidence) {
            outages.updateFromProbes(platformId, severity, evidence);
        }
    }

    private static OutageReconciler.OpenOutage open(OutageView view) {
        return new OutageReconciler.OpenOutage(view.id(), view.source(), view.startedAt());
    }
}
