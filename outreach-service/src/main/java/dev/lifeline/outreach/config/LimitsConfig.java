package dev.lifeline.outreach.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Send rate limits; defaults documented in application.properties. */
@ConfigMapping(prefix = "lifeline.limits")
public interface LimitsConfig {

    /** Messages per second one tenant may send, all channels together (token bucket). */
    @WithDefault("2000")
    double tenantPerSecond();

    /** Messages per second per channel across tenants. */
    @WithDefault("5000")
    double emailPerSecond();

    @WithDefault("50")
    double smsPerSecond();

    /** Cloud API's default throughput for one business phone number is 80 messages per second. */
    @WithDefault("80")
    double whatsappPerSecond();

    /** Concurrent requests to one provider (SMTP connections in use, SMS API calls). */
    @WithDefault("16")
    int emailConcurrency();

    @WithDefault("8")
    int smsConcurrency();

    @WithDefault("8")
    int whatsappConcurrency();
}
