package dev.lifeline.contact.subjectaccess;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** Where contact-service asks outreach-service what it holds about a contact (subject access requests). */
@ConfigMapping(prefix = "lifeline.contact")
public interface OutreachLink {

    /** Base URL of outreach-service as this service reaches it (in a cluster: its Service name). */
    @WithDefault("http://localhost:8083")
    URI outreachUrl();

    /** How long to wait for outreach before the answer marks its section unavailable. */
    @WithDefault("PT5S")
    Duration outreachTimeout();
}
