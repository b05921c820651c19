package dev.lifeline.monitor.tenant;

import dev.lifeline.kit.tenant.TenantErasure;
import dev.lifeline.monitor.probe.ProbingLifecycle;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A deleted business's platforms, probes, dependencies, outages and probe results go (called by the kit's tenant
 * consumer on {@code tenant.deleted}). Plain SQL: whole-tenant deletes across five tables in one transaction.
 *
 * <p>After the commit its probes leave the runner. A probe already running then still records its result (history is
 * written in batches), so its results are swept once more when any such run must have ended: the longest probe
 * timeout (60 s) plus the history's flush. By probe id, which is never reused, so a platform id taken up again by
 * another business loses nothing.
 */
@ApplicationScoped
public class MonitorTenantErasure implements TenantErasure {

    /** Longest probe timeout (60 s, ProbeRequestValidator) plus a few history flushes (1 s). */
    static final long LATE_RESULTS_SWEEP_SECONDS = 65;

    private final AgroalDataSource dataSource;
    private final ProbingLifecycle probing;
    private final Map<String, Erased> erased = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tenant-erasure-sweep");
        t.setDaemon(true);
        return t;
    });

    /** What an erasure removed, for the work after its commit. */
    private record Erased(List<String> platforms, List<String> probes) {}

    public MonitorTenantErasure(AgroalDataSource dataSource, ProbingLifecycle probing) {
        this.dataSource = dataSource;
        this.probing = probing;
    }

    @Override
    public void erase(String tenantId) {
        try (Connection c = dataSource.getConnection()) {
            List<String> platforms = ids(c, "SELECT id FROM platform WHERE tenant_id = ?", tenantId);
            List<String> probes = ids(c, "SELECT id FROM probe WHERE tenant_id = ?", tenantId);
            update(
                    c,
                    "DELETE FROM probe_result WHERE platform_id IN (SELECT id FROM platform WHERE tenant_id = ?)",
                    tenantId);
            update(
                    c,
                    "DELETE FROM outage WHERE tenant_id = ? OR platform_id IN (SELECT id FROM platform WHERE tenant_id = ?)",
                    tenantId,
                    tenantId);
            update(c, "DELETE FROM tenant_dependency WHERE tenant_id = ?", tenantId);
            update(c, "DELETE FROM probe WHERE tenant_id = ?", tenantId);
            update(c, "DELETE FROM platform WHERE tenant_id = ?", tenantId);
            erased.put(tenantId, new Erased(platforms, probes));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot erase the tenant's monitor data", e);
        }
    }

    @Override
    public void afterCommit(String tenantId) {
        Erased gone = erased.remove(tenantId);
        if (gone == null || gone.probes().isEmpty()) {
            return;
        }
        gone.probes().forEach(probing::remove);
        sweeper.schedule(() -> sweepLateResults(gone), LATE_RESULTS_SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    /** By platform (indexed) and probe id: a platform id taken up again by another business keeps its results. */
    private void sweepLateResults(Erased gone) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM probe_result WHERE platform_id = ANY (?) AND probe_id = ANY (?)")) {
            delete.setArray(1, c.createArrayOf("text", gone.platforms().toArray()));
            delete.setArray(2, c.createArrayOf("text", gone.probes().toArray()));
            delete.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            // Pruning after the history retention removes them in any case.
        }
    }

    private static List<String> ids(Connection c, String sql, String tenantId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, tenantId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static void update(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }
}
