package dev.lifeline.monitor.status;

import dev.lifeline.monitor.catalog.Platform;
import dev.lifeline.monitor.catalog.PlatformDirectory;
import dev.lifeline.monitor.health.HealthMonitor;
import dev.lifeline.monitor.health.PlatformHealth;
import dev.lifeline.monitor.outage.OutageEntity;
import dev.lifeline.monitor.outage.OutageView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Current state of every platform, combining the state machines with open outages. */
@ApplicationScoped
public class StatusService {

    private final PlatformDirectory platforms;
    private final HealthMonitor health;
    private final Clock clock;

    public StatusService(PlatformDirectory platforms, HealthMonitor health, Clock clock) {
        this.platforms = platforms;
        this.health = health;
        this.clock = clock;
    }

    @Transactional
    public List<PlatformStatus> all() {
        Instant now = clock.instant();
        Map<String, OutageEntity> open = OutageEntity.allOpen().stream()
                .collect(Collectors.toMap(o -> o.platformId, Function.identity(), (a, b) -> a));
        List<PlatformStatus> out = new ArrayList<>();
        for (Platform platform : platforms.catalogue()) {
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
        return new PlatformStatus(platform.id(), platform.name(), platform.tenantId(), state,
                machine != null && machine.flapping(), since, outage == null ? null : OutageView.of(outage, now));
    }
}
