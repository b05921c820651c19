package dev.lifeline.events;

import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.contact.ContactErased;
import dev.lifeline.events.contact.ContactUpserted;
import dev.lifeline.events.outage.OutageResolved;
import dev.lifeline.events.outage.OutageSource;
import dev.lifeline.events.outage.OutageStarted;
import dev.lifeline.events.outage.OutageUpdated;
import dev.lifeline.events.outage.ProbeEvidence;
import dev.lifeline.events.outage.ProbeVerdict;
import dev.lifeline.events.outage.Severity;
import dev.lifeline.events.outage.VerdictOutcome;
import dev.lifeline.events.outreach.ConsentRestored;
import dev.lifeline.events.outreach.ConsentWithdrawn;
import dev.lifeline.events.outreach.DeliveryBatch;
import dev.lifeline.events.outreach.DeliveryJob;
import dev.lifeline.events.outreach.WithdrawalReason;
import dev.lifeline.events.tenant.DependenciesChanged;
import dev.lifeline.events.tenant.TenantDeleted;
import dev.lifeline.events.tenant.TenantUpserted;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One realistic instance of every event type. */
final class SampleEvents {

    static final Instant T0 = Instant.parse("2024-03-05T15:12:00Z");

    private SampleEvents() {}

    static List<LifelineEvent> all() {
        ProbeEvidence evidence = new ProbeEvidence("instagram-http", "http", false, 5012L, "HTTP 503", T0);
        return List.of(
                new ContactUpserted(
                        "t1",
                        "c1",
                        3,
                        "Ada",
                        "ada@example.com",
                        "+4915112345678",
                        "de-DE",
                        "Europe/Berlin",
                        List.of("vip"),
                        List.of(ContactChannel.EMAIL, ContactChannel.SMS),
                        Map.of(ContactChannel.EMAIL, ConsentStatus.CONFIRMED, ContactChannel.SMS, ConsentStatus.NONE),
                        T0),
                new ContactErased("t1", "c1", T0),
                new TenantUpserted("t1", "ada-shop", "Ada's shop", "Europe/Berlin", List.of("a".repeat(64)), 1, T0),
                new TenantDeleted("t1", T0),
                new OutageStarted(
                        "o1",
                        "instagram",
                        null,
                        Severity.MAJOR,
                        OutageSource.PROBE,
                        T0,
                        T0.plusSeconds(15),
                        null,
                        null,
                        List.of(evidence)),
                new OutageUpdated("o1", "instagram", null, Severity.CRITICAL, T0.plusSeconds(60), List.of(evidence)),
                new OutageResolved("o1", "instagram", null, OutageSource.MANUAL, T0, T0.plusSeconds(3600), "ops@shop"),
                new DeliveryJob("t1", "r1", "k1", "c1", ContactChannel.EMAIL),
                new DeliveryBatch("t1", "r1", "k1", ContactChannel.EMAIL, 0, List.of("c1", "c2")),
                new ConsentWithdrawn(
                        "t1", "c1", ContactChannel.EMAIL, WithdrawalReason.UNSUBSCRIBE, T0, "203.0.113.9", "Mail/1.0"),
                new ProbeVerdict(
                        "instagram",
                        "instagram-http",
                        "monitor-1",
                        "http",
                        VerdictOutcome.FAILED,
                        Severity.MAJOR,
                        5012L,
                        "HTTP 503",
                        T0,
                        23_000L),
                new DependenciesChanged("t1", List.of("instagram", "shop-api"), T0),
                new ConsentRestored("t1", "c1", ContactChannel.SMS, T0));
    }
}
