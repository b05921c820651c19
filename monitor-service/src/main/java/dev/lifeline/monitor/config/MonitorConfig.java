package dev.lifeline.monitor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Settings of the monitor; defaults are documented in application.properties. */
@ConfigMapping(prefix = "lifeline.monitor")
public interface MonitorConfig {

    /** Where the catalogue platforms' probes point: simulator, public (real sites) or disabled. */
    @WithDefault("simulator")
    CatalogMode catalogMode();

    @WithDefault("http://localhost:8084")
    String simulatorUrl();

    /** Interval of the catalogue probes. */
    @WithDefault("5s")
    Duration catalogInterval();

    @WithDefault("3s")
    Duration catalogTimeout();

    @WithDefault("true")
    boolean probingEnabled();

    @WithDefault("256")
    int maxInFlight();

    @WithDefault("16")
    int blockingThreads();

    @WithDefault("5s")
    Duration minInterval();

    @WithDefault("3")
    int failureThreshold();

    @WithDefault("2")
    int successThreshold();

    @WithDefault("0.5")
    double quorum();

    @WithDefault("21")
    int flapWindow();

    @WithDefault("25")
    double flapHigh();

    @WithDefault("10")
    double flapLow();

    @WithDefault("P7D")
    Duration historyRetention();

    @WithDefault("true")
    boolean historyEnabled();

    /** Name of this instance: its probes vote as {@code probeId@instanceId}, so quorum can span instances. */
    @WithDefault("local")
    String instanceId();

    /**
     * Catalogue platforms whose planned maintenance counts as an outage (default none: maintenance announced by a
     * status page is not an outage). Tenants set this per platform.
     */
    Optional<Set<String>> maintenanceOutagePlatforms();

    enum CatalogMode {
        SIMULATOR,
        PUBLIC,
        DISABLED
    }
}
