package dev.lifeline.events;

import dev.lifeline.events.contact.ContactErased;
import dev.lifeline.events.contact.ContactUpserted;
import dev.lifeline.events.outage.OutageResolved;
import dev.lifeline.events.outage.OutageStarted;
import dev.lifeline.events.outage.OutageUpdated;
import dev.lifeline.events.outreach.ConsentWithdrawn;
import dev.lifeline.events.outreach.DeliveryBatch;
import dev.lifeline.events.outreach.DeliveryJob;
import dev.lifeline.events.tenant.TenantDeleted;
import dev.lifeline.events.tenant.TenantUpserted;

import java.util.Map;
import java.util.Optional;

/** CloudEvents type names and the record that carries each one's data. */
public final class EventTypes {

    public static final String CONTACT_UPSERTED = "dev.lifeline.contact.upserted";
    public static final String CONTACT_ERASED = "dev.lifeline.contact.erased";
    public static final String TENANT_UPSERTED = "dev.lifeline.tenant.upserted";
    public static final String TENANT_DELETED = "dev.lifeline.tenant.deleted";
    public static final String OUTAGE_STARTED = "dev.lifeline.outage.started";
    public static final String OUTAGE_UPDATED = "dev.lifeline.outage.updated";
    public static final String OUTAGE_RESOLVED = "dev.lifeline.outage.resolved";
    public static final String DELIVERY_REQUESTED = "dev.lifeline.outreach.delivery.requested";
    public static final String DELIVERY_BATCH_REQUESTED = "dev.lifeline.outreach.delivery.batch-requested";
    public static final String CONSENT_WITHDRAWN = "dev.lifeline.consent.withdrawn";

    private static final Map<String, Class<? extends LifelineEvent>> DATA_CLASSES = Map.of(
            CONTACT_UPSERTED, ContactUpserted.class,
            CONTACT_ERASED, ContactErased.class,
            TENANT_UPSERTED, TenantUpserted.class,
            TENANT_DELETED, TenantDeleted.class,
            OUTAGE_STARTED, OutageStarted.class,
            OUTAGE_UPDATED, OutageUpdated.class,
            OUTAGE_RESOLVED, OutageResolved.class,
            DELIVERY_REQUESTED, DeliveryJob.class,
            DELIVERY_BATCH_REQUESTED, DeliveryBatch.class,
            CONSENT_WITHDRAWN, ConsentWithdrawn.class);

    private EventTypes() {
    }

    public static Optional<Class<? extends LifelineEvent>> dataClass(String type) {
        return Optional.ofNullable(DATA_CLASSES.get(type));
    }

    public static Map<String, Class<? extends LifelineEvent>> all() {
        return DATA_CLASSES;
    }
}
