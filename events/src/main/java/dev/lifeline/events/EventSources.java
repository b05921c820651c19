package dev.lifeline.events;

import java.net.URI;

/** CloudEvents {@code source} attribute of each producing service. */
public final class EventSources {

    public static final URI CONTACT_SERVICE = URI.create("/lifeline/contact-service");
    public static final URI MONITOR_SERVICE = URI.create("/lifeline/monitor-service");
    public static final URI OUTREACH_SERVICE = URI.create("/lifeline/outreach-service");

    private EventSources() {}
}
