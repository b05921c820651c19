package dev.lifeline.monitor.status;

import dev.lifeline.kit.problem.ProblemException;
import dev.lifeline.monitor.catalog.Platform;
import dev.lifeline.monitor.catalog.PlatformDirectory;
import dev.lifeline.monitor.catalog.PlatformEntity;
import dev.lifeline.monitor.catalog.TenantPlatformService;
import dev.lifeline.monitor.health.HealthMonitor;
import dev.lifeline.monitor.health.PlatformHealth;
import dev.lifeline.monitor.outage.OutageEntity;
import dev.lifeline.monitor.outage.OutageView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Current state of platforms: the state machine (fed by every replica's verdicts) combined with the open outages of
 * the shared database, so every replica answers the same.
 */
@ApplicationScoped
public class StatusService {

    private final PlatformDirectory platforms;
    private final TenantPlatformService tenants;
    private final HealthMonitor health;
    private final Clock clock;

    public StatusService(
            PlatformDirectory platforms, TenantPlatformService tenants, HealthMonitor health, Clock clock) {
        this.platforms = platforms;
        this.tenants = tenants;
        this.health = health;
        this.clock = clock;
    }

    @Transactional
    public List<PlatformStatus> all() {
        return statuses(platforms.catalogue());
    }

    /** The platforms a business depends on and those it defined itself, in that order. */
    @Transactional
    public List<PlatformStatus> forTenant(String tenantId) {
        return statuses(tenantPlatforms(tenantId));
    }

    /**
     * Outages of the tenant's platforms, newest first. {@code platformId} narrows to one of them (another tenant's or
     * an unknown platform answers 404); {@code state} is open, resolved or all.
     */
    @Transactional
    public List<OutageView> outagesForTenant(String tenantId, String platformId, String state, int limit) {
        if (limit < 1 || limit > 500) {
            throw ProblemException.field(400, "limit", "must be between 1 and 500");
        }
        Boolean open = switch (state == null ? "all" : state) {
            case "all" -> null;
            case "open" -> true;
            case "resolved" -> false;
            default -> throw ProblemException.field(400, "state", "must be one of open, resolved, all");
        };
        List<String> ids = tenantPlatforms(tenantId).stream().map(Platform::id).toList();
        if (platformId != null) {
            if (!ids.contains(platformId)) {
                throw ProblemException.field(404, "platformId", "is not one of your platforms");
            }
            ids = List.of(platformId);
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        return OutageEntity.history(ids, open, limit).stream()
                .map(o -> OutageView.of(o, now))
                .toList();
    }

    private List<Platform> tenantPlatforms(String tenantId) {
        Map<String, Platform> out = new LinkedHashMap<>();
        for (String id : tenants.dependencies(tenantId)) {
            platforms
                    .find(id)
                    .filter(p -> p.catalogued() || tenantId.equals(p.tenantId()))
                    .ifPresent(p -> out.put(p.id(), p));
        }
        PlatformEntity.<PlatformEntity>list("tenantId = ?1 order by id", tenantId)
                .forEach(e -> out.putIfAbsent(e.id, e.toPlatform()));
        return new ArrayList<>(out.values());
    }

    private List<PlatformStatus> statuses(List<Platform> wanted) {
        Instant now = clock.instant();
        List<String> ids = wanted.stream().map(Platform::id).toList();
        Map<String, OutageEntity> open = ids.isEmpty()
                ? Map.of()
                : OutageEntity.<OutageEntity>list("platformId in ?1 and resolvedAt is null", ids).stream()
                        .collect(Collectors.toMap(o -> o.platformId, Function.identity(), (a, b) -> a));
        List<PlatformStatus> out = new ArrayList<>();
        for (Platform platform : wanted) {
            out.add(status(platform, open.get(platform.id()), now));
        }
        return out;
    }

    private PlatformStatus status(Platform platform, OutageEntity outage, Instant now) {
        PlatformHealth machine = health.health(platform.id()).orElse(null);
        String state = machine == null ? "unknown" : machine.state().name().toLowerCase(Locale.ROOT);
        Instant since = machine == null ? null : machine.stateSince();
        if (outage != null && (machine == null || !machine.state().outageOpen())) {
            state = "down";
            since = outage.startedAt;
        }
        return new PlatformStatus(
                platform.id(),
                platform.name(),
                platform.tenantId(),
                state,
                machine != null && machine.flapping(),
                since,
                outage == null ? null : OutageView.of(outage, now));
    }
}
