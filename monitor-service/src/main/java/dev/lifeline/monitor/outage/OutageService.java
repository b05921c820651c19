package dev.lifeline.monitor.outage;

import dev.lifeline.events.Topics;
import dev.lifeline.events.outage.OutageResolved;
import dev.lifeline.events.outage.OutageSource;
import dev.lifeline.events.outage.OutageStarted;
import dev.lifeline.events.outage.OutageUpdated;
import dev.lifeline.events.outage.ProbeEvidence;
import dev.lifeline.events.outage.Severity;
import dev.lifeline.kit.outbox.Outbox;
import dev.lifeline.kit.problem.ProblemException;
import dev.lifeline.monitor.catalog.Platform;
import dev.lifeline.monitor.catalog.PlatformDirectory;
import dev.lifeline.monitor.health.OutageReconciler;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens, updates and closes outages. Each change writes the outage row and its event to the outbox in one
 * transaction: an outage that exists has its event on the way, and vice versa. A person's outage wins over probes.
 * A probe verdict's change runs in its own span (a person's in their request's), whose trace the event carries on.
 */
@ApplicationScoped
public class OutageService {

    private static final Logger LOG = Logger.getLogger(OutageService.class);

    private final Outbox outbox;
    private final PlatformDirectory platforms;
    private final Clock clock;
    private final Event<OutageChanged> changes;

    public OutageService(Outbox outbox, PlatformDirectory platforms, Clock clock, Event<OutageChanged> changes) {
        this.outbox = outbox;
        this.platforms = platforms;
        this.clock = clock;
        this.changes = changes;
    }

    @Transactional
    public OutageView declare(String platformId, DeclareOutageRequest request, List<ProbeEvidence> evidence) {
        Platform platform = platform(platformId);
        lock(platformId);
        if (OutageEntity.open(platformId).isPresent()) {
            throw ProblemException.field(409, "platformId", "already has an open outage; resolve it first");
        }
        Instant now = clock.instant();
        Severity severity = request.severityOrDefault();
        OutageEntity outage = open(platform, OutageSource.MANUAL, severity, now, now, evidence);
        outage.declaredBy = request.declaredBy();
        outage.reason = request.reason();
        persist(outage);
        outbox.enqueue(
                Topics.PLATFORM_OUTAGES,
                new OutageStarted(
                        outage.id.toString(),
                        platformId,
                        platform.tenantId(),
                        severity,
                        OutageSource.MANUAL,
                        now,
                        now,
                        outage.declaredBy,
                        outage.reason,
                        evidence));
        return announce("started", outage);
    }

    @Transactional
    public OutageView resolve(String platformId, String resolvedBy) {
        platform(platformId);
        lock(platformId);
        OutageEntity outage = OutageEntity.open(platformId)
                .orElseThrow(() -> ProblemException.field(409, "platformId", "has no open outage"));
        return close(outage, resolvedBy);
    }

    /**
     * Opens a probe outage unless one (of any source) is already open; answers the open one either way. Every replica
     * may call this for the same incident at once: the platform's lock makes the first one open it and the others
     * find it open.
     */
    @Transactional
    @WithSpan("probe verdict: outage started")
    public Optional<OutageView> startFromProbes(
            @SpanAttribute("lifeline.platform.id") String platformId,
            Severity severity,
            Instant startedAt,
            List<ProbeEvidence> evidence,
            String detectedBy) {
        Optional<Platform> platform = platforms.find(platformId);
        if (platform.isEmpty()) {
            return Optional.empty();
        }
        lock(platformId);
        Instant now = clock.instant();
        Optional<OutageEntity> existing = OutageEntity.open(platformId);
        if (existing.isPresent()) {
            return existing.map(o -> OutageView.of(o, now));
        }
        OutageEntity outage = open(
                platform.get(),
                OutageSource.PROBE,
                severity,
                startedAt == null || startedAt.isAfter(now) ? now : startedAt,
                now,
                evidence);
        outage.detectedBy = detectedBy;
        persist(outage);
        outbox.enqueue(
                Topics.PLATFORM_OUTAGES,
                new OutageStarted(
                        outage.id.toString(),
                        platformId,
                        outage.tenantId,
                        severity,
                        OutageSource.PROBE,
                        outage.startedAt,
                        now,
                        null,
                        null,
                        evidence));
        return Optional.of(announce("started", outage));
    }

    /** Severity or evidence of an open probe outage changed; a person's outage is theirs to update. */
    @Transactional
    @WithSpan("probe verdict: outage updated")
    public Optional<OutageView> updateFromProbes(
            @SpanAttribute("lifeline.platform.id") String platformId, Severity severity, List<ProbeEvidence> evidence) {
        lock(platformId);
        Optional<OutageEntity> open = OutageEntity.open(platformId).filter(o -> o.source == OutageSource.PROBE);
        // Every replica sees the same change: the first publishes it, the others find it recorded.
        if (open.isEmpty()
                || OutageReconciler.signature(open.get().severity, OutageView.evidence(open.get().evidence))
                        .equals(OutageReconciler.signature(severity, evidence))) {
            return Optional.empty();
        }
        OutageEntity outage = open.get();
        outage.severity = severity;
        outage.evidence = OutageView.evidenceJson(evidence);
        outbox.enqueue(
                Topics.PLATFORM_OUTAGES,
                new OutageUpdated(
                        outage.id.toString(), platformId, outage.tenantId, severity, clock.instant(), evidence));
        return Optional.of(announce("updated", outage));
    }

    /** Closes an open probe outage; a person's outage stays until a person resolves it. */
    @Transactional
    @WithSpan("probe verdict: outage resolved")
    public Optional<OutageView> resolveFromProbes(@SpanAttribute("lifeline.platform.id") String platformId) {
        lock(platformId);
        return OutageEntity.open(platformId)
                .filter(o -> o.source == OutageSource.PROBE)
                .map(o -> close(o, null));
    }

    private OutageView close(OutageEntity outage, String resolvedBy) {
        outage.resolvedAt = clock.instant();
        outage.resolvedBy = resolvedBy;
        outbox.enqueue(
                Topics.PLATFORM_OUTAGES,
                new OutageResolved(
                        outage.id.toString(),
                        outage.platformId,
                        outage.tenantId,
                        outage.source,
                        outage.startedAt,
                        outage.resolvedAt,
                        resolvedBy));
        return announce("resolved", outage);
    }

    /**
     * Serialises decisions about one platform across every replica until the transaction ends (a PostgreSQL advisory
     * lock: plain SQL because JPA has no word for it). Two-int form with a class of its own, so it never meets the
     * kit's relay lock.
     */
    private static void lock(String platformId) {
        OutageEntity.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(1148, hashtext(?1))) AS held")
                .setParameter(1, platformId)
                .getSingleResult();
    }

    private Platform platform(String platformId) {
        return platforms
                .find(platformId)
                .orElseThrow(() -> ProblemException.field(404, "platformId", "is not a known platform"));
    }

    private OutageEntity open(
            Platform platform,
            OutageSource source,
            Severity severity,
            Instant startedAt,
            Instant detectedAt,
            List<ProbeEvidence> evidence) {
        OutageEntity outage = new OutageEntity();
        outage.id = UUID.randomUUID();
        outage.platformId = platform.id();
        outage.tenantId = platform.tenantId();
        outage.source = source;
        outage.severity = severity;
        outage.startedAt = startedAt;
        outage.detectedAt = detectedAt;
        outage.evidence = OutageView.evidenceJson(evidence);
        return outage;
    }

    /** The partial unique index settles a race between two declarations: the loser gets a 409. */
    private static void persist(OutageEntity outage) {
        try {
            outage.persistAndFlush();
        } catch (PersistenceException e) {
            throw ProblemException.field(409, "platformId", "already has an open outage; resolve it first");
        }
    }

    private OutageView announce(String kind, OutageEntity outage) {
        OutageView view = OutageView.of(outage, clock.instant());
        // An operator reading one replica's log sees every decision it made, and why (never any contact data here).
        LOG.infof(
                "Outage %s %s: platform %s, source %s, severity %s, detected by %s",
                view.id(), kind, view.platformId(), view.source(), view.severity(), view.detectedBy());
        changes.fire(new OutageChanged(kind, view));
        return view;
    }
}
