package dev.lifeline.events;

/**
 * SmallRye Reactive Messaging channel names. A channel is bound to a topic of {@link Topics} in the service's
 * application.properties; code refers to channels only through these constants.
 */
public final class Channels {

    public static final String CONTACTS_OUT = "contacts-out";
    public static final String CONTACTS_IN = "contacts-in";
    public static final String TENANTS_OUT = "tenants-out";
    public static final String TENANTS_IN = "tenants-in";
    public static final String OUTAGES_OUT = "outages-out";
    public static final String OUTAGES_IN = "outages-in";
    public static final String DELIVERIES_OUT = "deliveries-out";
    public static final String DELIVERIES_IN = "deliveries-in";
    public static final String WITHDRAWALS_OUT = "withdrawals-out";
    public static final String WITHDRAWALS_IN = "withdrawals-in";
    public static final String DEPENDENCIES_IN = "dependencies-in";
    public static final String VERDICTS_OUT = "verdicts-out";
    public static final String VERDICTS_IN = "verdicts-in";
    /** The one outgoing channel of the kit's outbox relay; the topic is set per record. */
    public static final String OUTBOX = "outbox";

    private Channels() {}
}
