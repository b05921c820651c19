package dev.lifeline.outreach.platform;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Platform groups: which platforms fail together. Every run's dispatch asks, a storm a thousand times a second, and
 * the table holds a handful of rows that change with a release, so it is read whole at most once a minute.
 */
@ApplicationScoped
public class PlatformGroups implements PanacheRepositoryBase<PlatformGroupMember, String> {

    private static final long REFRESH_NANOS = 60_000_000_000L;

    private volatile Map<String, String> groupOf;
    private volatile long loadedAt;

    /** The platform and every platform in its group (the platform alone when it belongs to none). Call in a transaction. */
    public Set<String> family(String platformId) {
        Map<String, String> groups = groups();
        String group = groups.get(platformId);
        if (group == null) {
            return Set.of(platformId);
        }
        return groups.entrySet().stream().filter(e -> e.getValue().equals(group)).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A key that is the same for every platform of one group: what one incident's runs serialise on. */
    public String groupKey(String platformId) {
        String group = groups().get(platformId);
        return group == null ? platformId : "group:" + group;
    }

    private Map<String, String> groups() {
        Map<String, String> groups = groupOf;
        if (groups == null || System.nanoTime() - loadedAt > REFRESH_NANOS) {
            List<PlatformGroupMember> rows = listAll();
            groups = rows.stream().collect(Collectors.toUnmodifiableMap(m -> m.platformId, m -> m.groupId));
            groupOf = groups;
            loadedAt = System.nanoTime();
        }
        return groups;
    }
}
