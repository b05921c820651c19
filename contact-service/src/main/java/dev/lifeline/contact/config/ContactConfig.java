package dev.lifeline.contact.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/**
 * Every setting of contact-service ({@code lifeline.contact.*}): double opt-in, the public capture endpoint, imports, and
 * where outreach-service answers subject access requests. Defaults are documented in application.properties.
 */
@ConfigMapping(prefix = "lifeline.contact")
public interface ContactConfig {

    /** Origin that links in e-mails point to (the public route of /confirm). */
    @WithDefault("http://localhost:8081")
    String publicBaseUrl();

    /** HMAC secret of confirmation links (at least 16 characters). */
    String linkSecret();

    /** How long a confirmation link works. */
    @WithDefault("P7D")
    Duration confirmationTtl();

    /** At most one confirmation e-mail per contact within this interval. */
    @WithDefault("PT5M")
    Duration resendInterval();

    /** Public capture endpoint: submissions per client IP per minute. */
    @WithDefault("20")
    int perIpPerMinute();

    /** Public capture endpoint: submissions per tenant per minute. */
    @WithDefault("600")
    int perTenantPerMinute();

    /**
     * CSV import: a queued/running job whose progress has not moved for this long counts as interrupted (its worker
     * died with the process), and the next upload of the same file resumes it. Longer than one chunk ever takes.
     */
    @WithDefault("PT30S")
    Duration importStallAfter();

    /** Ignored with the rest of the JSON limit; present so one prefix documents all contact settings. */
    @WithDefault("65536")
    long maxJsonBytes();

    /** Base URL of outreach-service as this service reaches it (in a cluster: its Service name). */
    @WithDefault("http://localhost:8083")
    URI outreachUrl();

    /** How long to wait for outreach before a subject access answer marks its section unavailable. */
    @WithDefault("PT5S")
    Duration outreachTimeout();
}
