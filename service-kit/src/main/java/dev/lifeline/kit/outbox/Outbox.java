package dev.lifeline.kit.outbox;

import dev.lifeline.events.Channels;
import dev.lifeline.events.EventCodec;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.kit.trace.TraceContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes events into the caller's transaction, so an event exists exactly when the change it announces was committed.
 * {@link OutboxRelay} publishes them afterwards; a broker that is down delays events, it never loses them.
 */
@ApplicationScoped
public class Outbox {

    public static final String CHANNEL = Channels.OUTBOX;

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, topic, record_key, event_type, data, traceparent, tracestate)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** @return the event id, which is the CloudEvents {@code id} consumers de-duplicate on */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(String topic, LifelineEvent event) {
        return insert(List.of(new Row(topic, event.partitionKey(), event.eventType(), EventCodec.encode(event))))
                .get(0);
    }

    /** Many events in one JDBC batch, for bulk work where a round trip per event would dominate the cost. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> enqueueAll(String topic, List<? extends LifelineEvent> events) {
        return insert(events.stream()
                .map(event -> new Row(topic, event.partitionKey(), event.eventType(), EventCodec.encode(event)))
                .toList());
    }

    /** A record with a null value: log compaction then drops every earlier record of the key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueueTombstone(String topic, String key) {
        return insert(List.of(new Row(topic, key, null, null))).get(0);
    }

    /** Tombstones for many keys in one JDBC batch, e.g. every contact of a tenant that deleted itself. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> enqueueTombstones(String topic, List<String> keys) {
        return insert(keys.stream().map(key -> new Row(topic, key, null, null)).toList());
    }

    private record Row(String topic, String key, String type, String data) {}

    private List<UUID> insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>(rows.size());
        // The caller's span: its consumers continue this trace when the relay has published the rows.
        TraceContext trace = TraceContext.current();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Row row : rows) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                insert.setObject(1, id);
                insert.setString(2, row.topic());
                insert.setString(3, row.key());
                insert.setString(4, row.type());
                insert.setString(5, row.data());
                insert.setString(6, trace.traceparent());
                insert.setString(7, trace.tracestate());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write to the outbox", e);
        }
        wakeRelayAfterCommit();
        return ids;
    }

    private void wakeRelayAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
