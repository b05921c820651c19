package dev.lifeline.contact.tenant;

import dev.lifeline.events.Topics;
import dev.lifeline.events.tenant.TenantDeleted;
import dev.lifeline.kit.outbox.Outbox;
import dev.lifeline.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A business deleting itself. In one transaction: every contact leaves contacts.v1 (a tombstone each, so compaction
 * drops their records), then {@code tenant.deleted} goes out on tenants.v1 (monitor and outreach erase their copies
 * on it), and this service's rows of the tenant are deleted: import jobs, consent ledger, contacts, consent text
 * versions, keys, the tenant.
 *
 * <p>Plain SQL: whole-tenant deletes across tables, and the consent ledger refuses DELETE unless the transaction
 * first names the tenant in {@code lifeline.tenant_erasure} (see V5__tenant_self_service.sql), which only this class
 * does.
 */
@ApplicationScoped
public class TenantEraser {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    TenantKeyCache keyCache;

    @Transactional
    public Instant erase(UUID tenantId, String confirmation) {
        Tenant tenant = Tenant.findById(tenantId, LockModeType.PESSIMISTIC_WRITE);
        if (tenant == null) {
            throw new ProblemException(404, "Not Found", "No such tenant");
        }
        if (!tenant.slug.equals(confirmation)) {
            throw ProblemException.field(400, "confirm", "must be the tenant's slug, to confirm the deletion");
        }
        Instant now = Instant.now();
        // Locked: a consent change already under way commits its ledger line before the ledger is deleted below, and
        // one that comes later finds no contact.
        List<String> contactIds =
                ids("SELECT cast(id AS varchar) FROM contact WHERE tenant_id = ?1 ORDER BY id FOR UPDATE", tenantId);
        outbox.enqueueTombstones(Topics.CONTACTS, contactIds);
        outbox.enqueue(Topics.TENANTS, new TenantDeleted(tenantId.toString(), now));
        List<String> keyHashes = ids("SELECT key_hash FROM api_key WHERE tenant_id = ?1", tenantId);

        em.createNativeQuery("SELECT set_config('lifeline.tenant_erasure', ?1, true)")
                .setParameter(1, tenantId.toString())
                .getSingleResult();
        update(
                "DELETE FROM import_row_error WHERE job_id IN (SELECT id FROM import_job WHERE tenant_id = ?1)",
                tenantId);
        update("DELETE FROM import_job WHERE tenant_id = ?1", tenantId);
        update("DELETE FROM consent_event WHERE tenant_id = ?1", tenantId);
        update("DELETE FROM contact WHERE tenant_id = ?1", tenantId);
        update("DELETE FROM consent_text_version WHERE tenant_id = ?1", tenantId);
        update("DELETE FROM api_key WHERE tenant_id = ?1", tenantId);
        tenant.delete();
        keyHashes.forEach(keyCache::forget);
        return now;
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(String sql, UUID tenantId) {
        return em.createNativeQuery(sql).setParameter(1, tenantId).getResultList();
    }

    private void update(String sql, UUID tenantId) {
        em.createNativeQuery(sql).setParameter(1, tenantId).executeUpdate();
    }
}
