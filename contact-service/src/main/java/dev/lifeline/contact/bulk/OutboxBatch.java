package dev.lifeline.contact.bulk;

import dev.lifeline.events.EventCodec;
import dev.lifeline.events.LifelineEvent;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Writes a chunk's events into the kit's outbox table as one JDBC batch, in the caller's transaction: the same rows
 * {@code Outbox.enqueue} writes one statement at a time (the relay publishes them in insertion order, within 500 ms).
 * Only the import uses it, where one round trip per event would dominate the cost. To move into the kit as
 * {@code Outbox.enqueueAll}.
 */
@ApplicationScoped
public class OutboxBatch {

    private static final String INSERT =
            "INSERT INTO outbox_event (event_id, topic, record_key, event_type, data) VALUES (?, ?, ?, ?, ?)";

    @Inject
    AgroalDataSource dataSource;

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueAll(String topic, List<? extends LifelineEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (LifelineEvent event : events) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, topic);
                insert.setString(3, event.partitionKey());
                insert.setString(4, event.eventType());
                insert.setString(5, EventCodec.encode(event));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write to the outbox", e);
        }
    }
}
