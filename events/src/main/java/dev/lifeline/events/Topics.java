package dev.lifeline.events;

import java.util.List;

/**
 * The one place where Kafka topic names are spelled. The services' application.properties bind channels to these
 * names; each service has a test that checks its bindings against this class, and deploy/ checks that every topic
 * exists as a KafkaTopic.
 */
public final class Topics {

    public static final String TENANTS = "tenants.v1";
    public static final String CONTACTS = "contacts.v1";
    public static final String PLATFORM_OUTAGES = "platform-outages.v1";
    public static final String OUTREACH_DELIVERIES = "outreach-deliveries.v1";
    public static final String CONSENT_WITHDRAWALS = "consent-withdrawals.v1";
    /** Compacted, key = tenant id: the platforms each business depends on, monitor-service to outreach-service. */
    public static final String TENANT_DEPENDENCIES = "tenant-dependencies.v1";
    /** Internal to monitor-service: every instance's probe verdicts, for all instances (compacted, key = voter). */
    public static final String PROBE_VERDICTS = "monitor-probe-verdicts.v1";

    public static final List<String> ALL = List.of(
            TENANTS,
            CONTACTS,
            PLATFORM_OUTAGES,
            OUTREACH_DELIVERIES,
            CONSENT_WITHDRAWALS,
            TENANT_DEPENDENCIES,
            PROBE_VERDICTS);

    private Topics() {}

    /** Poison records of a topic go to its dead-letter topic, keyed as in the source, with the error in headers. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
