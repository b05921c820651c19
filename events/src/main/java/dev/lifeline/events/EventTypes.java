package dev.lifeline.events;

import dev.lifeline.events.contact.ContactErased;
import dev.lifeline.events.contact.ContactUpserted;
import dev.lifeline.events.outage.OutageResolved;
import dev.lifeline.events.outage.OutageStarted;
import dev.lifeline.events.outage.OutageUpdated;
import dev.lifeline.events.outage.ProbeVerdict;
import dev.lifeline.events.outreach.ConsentRestored;
import dev.lifeline.events.outreach.ConsentWithdrawn;
import dev.lifeline.events.outreach.DeliveryBatch;
import dev.lifeline.events.outreach.DeliveryJob;
import dev.lifeline.events.tenant.DependenciesChanged;
import dev.lifeline.events.tenant.TenantDeleted;
import dev.lifeline.events.tenant.TenantUpserted;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** CloudEvents type names and the record that carries each one's data. */
public final class EventTypes {

    public static final String CONTACT_UPSERTED = "dev.lifeline.contact.upserted";
    public static final String CONTACT_ERASED = "dev.lifeline.contact.erased";
    public static final String TENANT_UPSERTED = "dev.lifeline.tenant.upserted";
    public static final String TENANT_DELETED = "dev.lifeline.tenant.deleted";
    public static final String TENANT_DEPENDENCIES_CHANGED = "dev.lifeline.tenant.dependencies-changed";
    public static final String OUTAGE_STARTED = "dev.lifeline.outage.started";
    public static final String OUTAGE_UPDATED = "dev.lifeline.outage.updated";
    public static final String OUTAGE_RESOLVED = "dev.lifeline.outage.resolved";
    public static final String DELIVERY_REQUESTED = "dev.lifeline.outreach.delivery.requested";
    public static final String DELIVERY_BATCH_REQUESTED = "dev.lifeline.outreach.delivery.batch-requested";
    public static final String CONSENT_WITHDRAWN = "dev.lifeline.consent.withdrawn";
    public static final String CONSENT_RESTORED = "dev.lifeline.consent.restored";
    public static final String PROBE_VERDICT = "dev.lifeline.monitor.probe.verdict";

    /** Where the schemas' {@code $id}s point; the schema files ship in this module under the same relative paths. */
    public static final String SCHEMA_BASE = "https://lifeline.dev/schemas/";

    private static final Map<String, Class<? extends LifelineEvent>> DATA_CLASSES = Map.ofEntries(
            Map.entry(CONTACT_UPSERTED, ContactUpserted.class),
            Map.entry(CONTACT_ERASED, ContactErased.class),
            Map.entry(TENANT_UPSERTED, TenantUpserted.class),
            Map.entry(TENANT_DELETED, TenantDeleted.class),
            Map.entry(TENANT_DEPENDENCIES_CHANGED, DependenciesChanged.class),
            Map.entry(OUTAGE_STARTED, OutageStarted.class),
            Map.entry(OUTAGE_UPDATED, OutageUpdated.class),
            Map.entry(OUTAGE_RESOLVED, OutageResolved.class),
            Map.entry(DELIVERY_REQUESTED, DeliveryJob.class),
            Map.entry(DELIVERY_BATCH_REQUESTED, DeliveryBatch.class),
            Map.entry(CONSENT_WITHDRAWN, ConsentWithdrawn.class),
            Map.entry(CONSENT_RESTORED, ConsentRestored.class),
            Map.entry(PROBE_VERDICT, ProbeVerdict.class));

    private EventTypes() {}

    public static Optional<Class<? extends LifelineEvent>> dataClass(String type) {
        return Optional.ofNullable(DATA_CLASSES.get(type));
    }

    /**
     * The CloudEvents {@code dataschema} of a type: the {@code $id} of the JSON Schema published beside its record
     * ({@code <area>/<Record>.schema.json} in this module), so a consumer can tell which contract the data follows.
     */
    public static Optional<URI> dataSchema(String type) {
        return dataClass(type).map(data -> {
            String pkg = data.getPackageName();
            String area = pkg.substring(pkg.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            return URI.create(SCHEMA_BASE + area + "/" + data.getSimpleName() + ".schema.json");
        });
    }

    public static Map<String, Class<? extends LifelineEvent>> all() {
        return DATA_CLASSES;
    }
}
