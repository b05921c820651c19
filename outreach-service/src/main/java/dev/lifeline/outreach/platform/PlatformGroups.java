package dev.lifeline.outreach.platform;

import dev.lifeline.outreach.TtlCache;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Platform groups: which platforms fail together. Every run's dispatch asks, a storm a thousand times a second, and
 * the table holds a handful of rows that change with a release, so it is read whole at most once a minute.
 */
@ApplicationScoped
public class PlatformGroups implements PanacheRepositoryBase<PlatformGroupMember, String> {

    private final TtlCache<Boolean, Map<String, String>> groupOf = new TtlCache<>(Duration.ofMinutes(1), 1);

    /** The platform and every platform in its group (the platform alone when it belongs to none). Call in a transaction. */
    public Set<String> family(String platformId) {
        Map<String, String> groups = groups();
        String group = groups.get(platformId);
        if (group == null) {
            return Set.of(platformId);
        }
        return groups.entrySet().stream()
                .filter(e -> e.getValue().equals(group))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A key that is the same for every platform of one group: what one incident's runs serialise on. */
    public String groupKey(String platformId) {
        String group = groups().get(platformId);
        return group == null ? platformId : "group:" + group;
    }

    private Map<String, String> groups() {
        return groupOf.get(
                Boolean.TRUE,
                all -> listAll().stream().collect(Collectors.toUnmodifiableMap(m -> m.platformId, m -> m.groupId)));
    }
}
