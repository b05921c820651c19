package dev.lifeline.monitor.catalog;

import dev.lifeline.monitor.config.MonitorConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Finds platforms: the built-in catalogue first, then those tenants defined. */
@ApplicationScoped
public class PlatformDirectory {

    /** How long a tenant platform's maintenance policy is trusted before it is read again (another replica may change it). */
    private static final Duration POLICY_TTL = Duration.ofSeconds(30);

    private final List<Platform> catalogue;
    private final Clock clock;
    private final Map<String, Policy> policies = new ConcurrentHashMap<>();

    private record Policy(boolean maintenanceIsOutage, Instant readAt) {}

    public PlatformDirectory(MonitorConfig config, Clock clock) {
        this.catalogue =
                CatalogDefaults.platforms(config.maintenanceOutagePlatforms().orElse(Set.of()));
        this.clock = clock;
    }

    public Optional<Platform> find(String platformId) {
        for (Platform platform : catalogue) {
            if (platform.id().equals(platformId)) {
                return Optional.of(platform);
            }
        }
        if (platformId == null || platformId.length() > 200) {
            return Optional.empty();
        }
        return PlatformEntity.<PlatformEntity>findByIdOptional(platformId).map(PlatformEntity::toPlatform);
    }

    public List<Platform> all() {
        List<Platform> out = new ArrayList<>(catalogue);
        PlatformEntity.<PlatformEntity>listAll().forEach(e -> out.add(e.toPlatform()));
        return out;
    }

    public List<Platform> catalogue() {
        return catalogue;
    }

    /**
     * Whether planned maintenance of the platform counts as an outage. Asked for every maintenance verdict, so a
     * tenant platform's answer is kept for a while instead of read each time.
     */
    public boolean maintenanceIsOutage(String platformId) {
        Instant now = clock.instant();
        Policy policy = policies.get(platformId);
        if (policy == null || policy.readAt().plus(POLICY_TTL).isBefore(now)) {
            boolean outage = QuarkusTransaction.requiringNew()
                    .call(() ->
                            find(platformId).map(Platform::maintenanceIsOutage).orElse(false));
            policy = new Policy(outage, now);
            policies.put(platformId, policy);
        }
        return policy.maintenanceIsOutage();
    }
}
