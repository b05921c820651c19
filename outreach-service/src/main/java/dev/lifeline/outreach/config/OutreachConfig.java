package dev.lifeline.outreach.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Behaviour of outreach; defaults documented in application.properties. */
@ConfigMapping(prefix = "lifeline.outreach")
public interface OutreachConfig {

    @WithDefault("PT2M")
    Duration defaultGracePeriod();

    /**
     * A contact gets at most one outage notice per platform group within this window, so that one Meta incident (or
     * a bad week of them) is one message, not one per platform and day.
     */
    @WithDefault("PT24H")
    Duration noticeWindow();

    @WithDefault("PT0.5S")
    Duration launcherInterval();

    /** Threads that dispatch due runs (the first also feeds slices, sends webhooks, sweeps claims). */
    @WithDefault("4")
    int dispatchers();

    @WithDefault("8")
    int sendMaxAttempts();

    @WithDefault("PT0.5S")
    Duration sendInitialBackoff();

    @WithDefault("PT30S")
    Duration sendMaxBackoff();

    @WithDefault("http://localhost:8083")
    String publicBaseUrl();
}
