package dev.lifeline.outreach.contacts;

import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.contact.ContactErased;
import dev.lifeline.events.contact.ContactUpserted;
import dev.lifeline.kit.inbox.InboundEvent;
import dev.lifeline.kit.inbox.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applies contacts.v1 records to outreach's tables, each once: one at a time, or a consumer's batch at once. */
@ApplicationScoped
public class ContactProjector {

    static final String CONSUMER = "outreach-contacts";

    @Inject
    ProcessedEvents processed;

    @Inject
    ProcessedBatch processedBatch;

    @Inject
    ContactStore contacts;

    /** A record of a batch: its event is null for a tombstone. */
    public record Item(InboundEvent in, LifelineEvent event) {}

    /**
     * A batch in one transaction and in its order: runs of upserts become one statement for the processed-event log
     * and one upsert of the run's newest version of each contact (older versions would lose to it anyway), and an
     * erasure or tombstone is applied where it stands, after the upserts before it.
     */
    @Transactional
    public void applyAll(List<Item> items) {
        List<Item> run = new ArrayList<>();
        for (Item item : items) {
            if (item.event() instanceof ContactUpserted) {
                run.add(item);
                continue;
            }
            upsertAll(run);
            run.clear();
            if (item.event() instanceof ContactErased erased) {
                erased(item.in(), erased);
            } else if (item.event() == null) {
                tombstone(item.in());
            }
        }
        upsertAll(run);
    }

    private void upsertAll(List<Item> run) {
        if (run.isEmpty()) {
            return;
        }
        Set<String> fresh = processedBatch.firstTimeAll(
                CONSUMER, run.stream().map(item -> item.in().id()).toList());
        Map<String, ContactUpserted> newest = new LinkedHashMap<>();
        for (Item item : run) {
            if (fresh.contains(item.in().id())) {
                ContactUpserted upserted = (ContactUpserted) item.event();
                newest.merge(upserted.contactId(), upserted, (a, b) -> a.version() >= b.version() ? a : b);
            }
        }
        contacts.upsertAll(List.copyOf(newest.values()));
    }

    @Transactional
    public void upserted(InboundEvent in, ContactUpserted upserted) {
        if (firstTime(in)) {
            contacts.upsert(upserted);
        }
    }

    @Transactional
    public void erased(InboundEvent in, ContactErased erased) {
        if (firstTime(in)) {
            contacts.erase(erased.contactId());
        }
    }

    /** The tombstone after an erasure: purge whatever may be left under the key (erasing twice is harmless). */
    @Transactional
    public void tombstone(InboundEvent in) {
        if (in.key() != null) {
            contacts.erase(in.key());
        }
    }

    private boolean firstTime(InboundEvent in) {
        return in.id() == null || processed.firstTime(CONSUMER, in.id());
    }
}
