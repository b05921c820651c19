package dev.lifeline.outreach.tenant;

import dev.lifeline.kit.tenant.TenantErasure;
import dev.lifeline.outreach.sender.SenderProfiles;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A deleted business's campaigns (with their runs and deliveries, by the foreign keys' cascade), outages, suppressions,
 * its copy of contacts and of its dependencies, and its sender identity, sending domains and DKIM keys go (called by the kit's tenant consumer on {@code tenant.deleted}). A delivery job of it
 * still on the work queue then finds no delivery to claim and sends nothing. Plain SQL: whole-tenant deletes across
 * tables in one transaction.
 */
@ApplicationScoped
public class OutreachTenantErasure implements TenantErasure {

    private static final List<String> DELETES = List.of(
            "DELETE FROM campaign WHERE tenant_id = ?",
            // Runs and deliveries went with their campaigns; these catch any that did not hang off one.
            "DELETE FROM delivery WHERE run_id IN (SELECT id FROM campaign_run WHERE tenant_id = ?)",
            "DELETE FROM campaign_run WHERE tenant_id = ?",
            "DELETE FROM outage WHERE tenant_id = ?",
            "DELETE FROM suppression WHERE tenant_id = ?",
            "DELETE FROM outreach_contact WHERE tenant_id = ?",
            "DELETE FROM tenant_dependency WHERE tenant_id = ?",
            "DELETE FROM test_send WHERE tenant_id = ?",
            // Its sender identity, sending domains and DKIM keys (private keys included: nothing of them is kept).
            "DELETE FROM sender_identity WHERE tenant_id = ?",
            "DELETE FROM dkim_key WHERE tenant_id = ?",
            "DELETE FROM sending_domain WHERE tenant_id = ?");

    private final AgroalDataSource dataSource;
    private final SenderProfiles senders;

    public OutreachTenantErasure(AgroalDataSource dataSource, SenderProfiles senders) {
        this.dataSource = dataSource;
        this.senders = senders;
    }

    @Override
    public void erase(String tenantId) {
        try (Connection c = dataSource.getConnection()) {
            for (String sql : DELETES) {
                try (PreparedStatement delete = c.prepareStatement(sql)) {
                    delete.setString(1, tenantId);
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot erase the tenant's outreach data", e);
        }
    }

    /** This instance stops using the erased key at once; others within the profile cache's few seconds. */
    @Override
    public void afterCommit(String tenantId) {
        senders.forget(tenantId);
    }
}
