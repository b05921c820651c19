package dev.lifeline.outreach.campaign;

import dev.lifeline.outreach.config.DeliveryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * At most {@code lifeline.delivery.test-sends-per-hour} test sends per business and hour, counted in PostgreSQL so
 * that the limit holds across every outreach replica: a per-tenant advisory lock makes count-then-insert atomic.
 */
@ApplicationScoped
public class TestSendQuota {

    private final DeliveryConfig config;

    public TestSendQuota(DeliveryConfig config) {
        this.config = config;
    }

    /** Takes one test send from the business's hour; false when the hour's sends are used up. */
    @Transactional
    public boolean take(String tenantId) {
        TestSendRow.getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('test-send:' || ?1))")
                .setParameter(1, tenantId)
                .getSingleResult();
        Instant now = Instant.now();
        long used = TestSendRow.count("tenantId = ?1 and sentAt > ?2", tenantId, now.minus(Duration.ofHours(1)));
        if (used >= config.testSendsPerHour()) {
            return false;
        }
        TestSendRow row = new TestSendRow();
        row.id = UUID.randomUUID();
        row.tenantId = tenantId;
        row.sentAt = now;
        row.persist();
        return true;
    }
}
