package dev.lifeline.monitor.catalog;

import dev.lifeline.events.Topics;
import dev.lifeline.events.tenant.DependenciesChanged;
import dev.lifeline.kit.egress.EgressGuard;
import dev.lifeline.kit.outbox.Outbox;
import dev.lifeline.kit.problem.Problem.FieldError;
import dev.lifeline.kit.problem.ProblemException;
import dev.lifeline.monitor.config.MonitorConfig;
import dev.lifeline.monitor.probe.ProbeDefinition;
import dev.lifeline.monitor.probe.ProbeEntity;
import dev.lifeline.monitor.probe.ProbeRequest;
import dev.lifeline.monitor.probe.ProbeRequestValidator;
import dev.lifeline.monitor.probe.ProbeView;
import dev.lifeline.monitor.probe.ProbingLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A tenant's own platforms, their probes and the platforms its business depends on; every query scoped by tenant. */
@ApplicationScoped
public class TenantPlatformService {

    private final PlatformDirectory directory;
    private final ProbingLifecycle probing;
    private final ProbeRequestValidator validator;
    private final Outbox outbox;
    private final Clock clock;

    public TenantPlatformService(
            PlatformDirectory directory,
            ProbingLifecycle probing,
            MonitorConfig config,
            Outbox outbox,
            Clock clock,
            EgressGuard egress) {
        this.directory = directory;
        this.probing = probing;
        this.validator = new ProbeRequestValidator(config.minInterval(), egress);
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Platform create(String tenantId, PlatformRequest request) {
        if (directory.find(request.id()).isPresent()) {
            throw ProblemException.field(409, "id", "is already taken");
        }
        PlatformEntity entity = new PlatformEntity();
        entity.id = request.id();
        entity.tenantId = tenantId;
        entity.name = request.name();
        entity.maintenanceIsOutage = Boolean.TRUE.equals(request.maintenanceIsOutage());
        entity.createdAt = clock.instant();
        entity.persist();
        return entity.toPlatform();
    }

    @Transactional
    public List<Platform> visible(String tenantId) {
        List<Platform> out = new ArrayList<>(directory.catalogue());
        PlatformEntity.<PlatformEntity>list("tenantId = ?1 order by id", tenantId)
                .forEach(e -> out.add(e.toPlatform()));
        return out;
    }

    @Transactional
    public ProbeView addProbe(String tenantId, String platformId, ProbeRequest request) {
        ownPlatform(tenantId, platformId);
        ProbeDefinition probe = validator.validate(
                platformId + "-" + UUID.randomUUID().toString().substring(0, 8), platformId, request);
        ProbeEntity.of(probe, tenantId, clock.instant()).persist();
        probing.put(probe);
        return ProbeView.of(probe);
    }

    @Transactional
    public List<ProbeView> probes(String tenantId, String platformId) {
        ownPlatform(tenantId, platformId);
        return ProbeEntity.<ProbeEntity>list(
                        "tenantId = ?1 and platformId = ?2 order by createdAt", tenantId, platformId)
                .stream()
                .map(e -> ProbeView.of(e.toDefinition()))
                .toList();
    }

    @Transactional
    public void removeProbe(String tenantId, String platformId, String probeId) {
        ownPlatform(tenantId, platformId);
        long deleted =
                ProbeEntity.delete("id = ?1 and tenantId = ?2 and platformId = ?3", probeId, tenantId, platformId);
        if (deleted == 0) {
            throw ProblemException.field(404, "probeId", "is not a probe of this platform");
        }
        probing.remove(probeId);
    }

    @Transactional
    public List<String> dependencies(String tenantId) {
        return TenantDependency.<TenantDependency>list("tenantId = ?1 order by platformId", tenantId).stream()
                .map(d -> d.platformId)
                .toList();
    }

    /**
     * Replaces the whole list and tells outreach-service through the outbox, in the same transaction: a lost event
     * would leave an {@code any} campaign firing for a platform the business dropped, or silent for one it added.
     */
    @Transactional
    public List<String> replaceDependencies(String tenantId, List<String> platformIds) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < platformIds.size(); i++) {
            String id = platformIds.get(i);
            boolean visible = id != null
                    && directory
                            .find(id)
                            .filter(p -> p.catalogued() || tenantId.equals(p.tenantId()))
                            .isPresent();
            if (!visible) {
                errors.add(new FieldError("platformIds[" + i + "]", "is not a known platform"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Bad Request", "Unknown platforms in the list", errors);
        }
        TenantDependency.delete("tenantId", tenantId);
        TenantDependency.getEntityManager().flush();
        List<String> distinct = platformIds.stream().distinct().sorted().toList();
        distinct.forEach(id -> TenantDependency.of(tenantId, id).persist());
        outbox.enqueue(Topics.TENANT_DEPENDENCIES, new DependenciesChanged(tenantId, distinct, clock.instant()));
        return distinct;
    }

    /** Another tenant's platform answers 404, exactly like one that does not exist. */
    private void ownPlatform(String tenantId, String platformId) {
        directory
                .find(platformId)
                .filter(p -> tenantId.equals(p.tenantId()))
                .orElseThrow(() -> ProblemException.field(404, "platformId", "is not one of your platforms"));
    }

    @Transactional
    public List<ProbeDefinition> allStoredProbes() {
        return ProbeEntity.<ProbeEntity>listAll().stream()
                .map(ProbeEntity::toDefinition)
                .toList();
    }
}
