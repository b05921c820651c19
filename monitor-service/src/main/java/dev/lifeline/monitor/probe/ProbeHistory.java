package dev.lifeline.monitor.probe;

import dev.lifeline.monitor.config.MonitorConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps probe history in batches (thousands of probes must not mean thousands of commits a second) and prunes it after
 * the retention period. Results waiting while the database is down are bounded: the oldest are dropped, not the JVM.
 *
 * <p>Plain JDBC: the writes are JDBC batches of up to a thousand rows off any transaction, the prune one bulk delete,
 * and the read a bounded scan of an append-only table; none of it is entity CRUD.
 */
@ApplicationScoped
public class ProbeHistory {

    private static final Logger LOG = Logger.getLogger(ProbeHistory.class);
    private static final int MAX_PENDING = 100_000;
    private static final int BATCH = 1_000;

    private final AgroalDataSource dataSource;
    private final MonitorConfig config;
    private final Clock clock;
    private final ConcurrentLinkedQueue<ProbeResult> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private volatile boolean failing;

    public ProbeHistory(AgroalDataSource dataSource, MonitorConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    public void record(ProbeResult result) {
        if (!config.historyEnabled()) {
            return;
        }
        pending.add(result);
        if (size.incrementAndGet() > MAX_PENDING && pending.poll() != null) {
            size.decrementAndGet();
        }
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        while (!pending.isEmpty()) {
            List<ProbeResult> batch = new ArrayList<>(BATCH);
            for (ProbeResult r; batch.size() < BATCH && (r = pending.poll()) != null; ) {
                batch.add(r);
            }
            size.addAndGet(-batch.size());
            if (!write(batch)) {
                return;
            }
        }
    }

    private boolean write(List<ProbeResult> batch) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO probe_result "
                                + "(probe_id, platform_id, kind, outcome, latency_ms, detail, observed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (ProbeResult r : batch) {
                insert.setString(1, r.probeId());
                insert.setString(2, r.platformId());
                insert.setString(3, r.kind().wireName());
                insert.setString(4, r.outcome().name());
                insert.setObject(5, r.latencyMs());
                insert.setString(6, r.detail());
                insert.setTimestamp(7, Timestamp.from(r.observedAt()));
                insert.addBatch();
            }
            insert.executeBatch();
            failing = false;
            return true;
        } catch (SQLException e) {
            if (!failing) {
                LOG.warnf("Probe history not written (state %s); will keep trying quietly", e.getSQLState());
            }
            failing = true;
            return false;
        }
    }

    @Scheduled(every = "1h", delayed = "1m")
    void prune() {
        try {
            pruneNow();
        } catch (IllegalStateException e) {
            LOG.warnf(
                    "Probe history not pruned: %s",
                    e.getCause() == null ? "" : e.getCause().getClass().getName());
        }
    }

    /** Deletes results older than the retention period; answers how many went. */
    public int pruneNow() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM probe_result WHERE observed_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(clock.instant().minus(config.historyRetention())));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("prune failed", e);
        }
    }

    /** The platform's most recent results, newest first. */
    public List<ProbeResultView> recent(String platformId, int limit) {
        List<ProbeResultView> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement("SELECT probe_id, kind, outcome, latency_ms, detail, observed_at "
                                + "FROM probe_result WHERE platform_id = ? ORDER BY observed_at DESC LIMIT ?")) {
            q.setString(1, platformId);
            q.setInt(2, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long latency = rs.getLong(4);
                    out.add(new ProbeResultView(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3).toLowerCase(),
                            rs.wasNull() ? null : latency,
                            rs.getString(5),
                            rs.getTimestamp(6).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read probe history", e);
        }
        return out;
    }

    public void flushNow() {
        flush();
    }
}
