package dev.lifeline.kit.tenant;

/**
 * A service's erasure of everything it holds about a tenant, called by the kit's {@link TenantEventsConsumer} when
 * {@code tenant.deleted} arrives on tenants.v1. Implement it as one bean per service; every bean found is called,
 * inside the transaction that also records the event as processed, so a crash in the middle erases again on
 * redelivery and a redelivery after success changes nothing. It must be idempotent and must not fail for a tenant
 * the service never saw.
 */
public interface TenantErasure {

    void erase(String tenantId);

    /**
     * Called after the erasure committed, for what lives outside the database (e.g. probes scheduled in memory).
     * Nothing by default.
     */
    default void afterCommit(String tenantId) {}
}
