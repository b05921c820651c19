package dev.lifeline.outreach.contacts;

import dev.lifeline.outreach.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The kit's processed-event log ({@code processed_event}), written for a whole batch in one statement: the kit's
 * {@code ProcessedEvents} records one id per round trip, which is what the batched projection exists to avoid.
 * Plain SQL because the one statement is an {@code insert … select unnest(…) on conflict do nothing returning}.
 */
@ApplicationScoped
public class ProcessedBatch {

    @Inject
    Sql sql;

    /** @return the ids this consumer sees for the first time (a repeated id within the batch counts once) */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstTimeAll(String consumer, List<String> eventIds) {
        return new HashSet<>(sql.query(
                "insert into processed_event (consumer, event_id) select ?::text, unnest(?::text[]) on conflict do nothing "
                        + "returning event_id",
                rs -> rs.getString(1),
                consumer,
                eventIds));
    }
}
