package dev.lifeline.kit.outbox;

import dev.lifeline.events.Channels;
import dev.lifeline.kit.trace.TraceContext;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes committed outbox rows in insertion order and marks them once the broker has acknowledged them. Only one
 * relay publishes at a time across all instances of a service (a PostgreSQL advisory lock held by the batch's
 * transaction), so two instances never interleave the events of one key. A failed batch is retried whole: consumers
 * de-duplicate on the event id, so a repeat is harmless while a gap would not be.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LOCK_ID = 0x11fe11e0L;

    private static final String SELECT = """
            SELECT seq, event_id, topic, record_key, event_type, data, created_at, traceparent, tracestate FROM outbox_event
            WHERE published_at IS NULL ORDER BY seq LIMIT ?""";
    private static final String MARK = "UPDATE outbox_event SET published_at = now() WHERE seq = ANY (?)";
    private static final String PURGE = "DELETE FROM outbox_event WHERE published_at < ?";
    private static final String COUNT_PENDING = "SELECT count(*) FROM outbox_event WHERE published_at IS NULL";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry meters;

    @Inject
    @Channel(Channels.OUTBOX)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<String> emitter;

    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private volatile Instant lastPurge = Instant.EPOCH;
    private ScheduledExecutorService worker;

    void start(@Observes StartupEvent startup) {
        Gauge.builder("lifeline.outbox.pending", pending, AtomicLong::get)
                .description("Outbox events committed but not yet acknowledged by the broker")
                .register(meters);
        worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.pollInterval().toMillis();
        worker.scheduleWithFixedDelay(this::drain, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    /** Called after a transaction that wrote to the outbox commits: publish now rather than at the next poll. */
    void wake() {
        if (worker != null && wakeQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                wakeQueued.set(false);
                drain();
            });
        }
    }

    private void drain() {
        try {
            while (publishBatch() == config.batchSize()) {
                // a full batch means more may be waiting
            }
            purgeOldOncePerHour();
            pending.set(countPending());
        } catch (RuntimeException e) {
            // The broker or database is away; events stay in the outbox and the next round tries again.
            LOG.warnf("Outbox relay paused: %s", rootMessage(e));
        }
    }

    /** @return how many events were published */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!tryLock(connection)) {
                    return 0;
                }
                List<PendingEvent> batch = readBatch(connection);
                if (batch.isEmpty()) {
                    return 0;
                }
                send(batch);
                markPublished(connection, batch);
                return batch.size();
            }
        });
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_ID);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<PendingEvent> readBatch(Connection connection) throws SQLException {
        List<PendingEvent> batch = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    batch.add(new PendingEvent(
                            rs.getLong(1),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getTimestamp(7).toInstant(),
                            TraceContext.of(rs.getString(8), rs.getString(9))));
                }
            }
        }
        return batch;
    }

    private void send(List<PendingEvent> batch) throws Exception {
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            CompletableFuture<Void> acked = new CompletableFuture<>();
            acks.add(acked);
            emitter.send(OutboxMessages.toMessage(event, acked));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                .get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void markPublished(Connection connection, List<PendingEvent> batch) throws SQLException {
        try (PreparedStatement mark = connection.prepareStatement(MARK)) {
            mark.setArray(
                    1,
                    connection.createArrayOf(
                            "bigint", batch.stream().map(PendingEvent::seq).toArray()));
            mark.executeUpdate();
        }
    }

    private void purgeOldOncePerHour() {
        Instant now = Instant.now();
        if (lastPurge.isAfter(now.minusSeconds(3600))) {
            return;
        }
        lastPurge = now;
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement purge = connection.prepareStatement(PURGE)) {
                purge.setTimestamp(1, Timestamp.from(now.minus(config.retention())));
                purge.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private long countPending() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(COUNT_PENDING);
                ResultSet rs = count.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
