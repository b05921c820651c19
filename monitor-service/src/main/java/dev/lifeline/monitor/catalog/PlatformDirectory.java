package dev.lifeline.monitor.catalog;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds platforms: the built-in catalogue first, then those tenants defined. */
@ApplicationScoped
public class PlatformDirectory {

    private static final List<Platform> CATALOGUE = CatalogDefaults.platforms();

    public Optional<Platform> find(String platformId) {
        for (Platform platform : CATALOGUE) {
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
        List<Platform> out = new ArrayList<>(CATALOGUE);
        PlatformEntity.<PlatformEntity>listAll().forEach(e -> out.add(e.toPlatform()));
        return out;
    }

    public List<Platform> catalogue() {
        return CATALOGUE;
    }
}
