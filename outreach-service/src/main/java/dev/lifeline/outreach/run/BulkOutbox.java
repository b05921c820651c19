package dev.lifeline.outreach.run;

import dev.lifeline.events.EventCodec;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.kit.outbox.Outbox;
import dev.lifeline.outreach.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

/**
 * Writes many events into the kit's outbox in the caller's transaction with JDBC batches: a 100,000-recipient run
 * would otherwise cost 100,000 round trips. Same rows as {@link Outbox#enqueue}; the last event goes through the
 * kit itself so that the relay is woken after the commit.
 * TODO: replace by a batch method of the kit's Outbox once it has one.
 */
@ApplicationScoped
public class BulkOutbox {

    private static final String INSERT = "INSERT INTO outbox_event (event_id, topic, record_key, event_type, data) VALUES (?, ?, ?, ?, ?)";

    @Inject
    Outbox outbox;
    @Inject
    Sql sql;

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueAll(String topic, List<? extends LifelineEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<? extends LifelineEvent> head = events.subList(0, events.size() - 1);
        sql.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                int n = 0;
                for (LifelineEvent e : head) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, topic);
                    ps.setString(3, e.partitionKey());
                    ps.setString(4, e.eventType());
                    ps.setString(5, EventCodec.encode(e));
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
        outbox.enqueue(topic, events.get(events.size() - 1));
    }
}
