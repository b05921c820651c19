package dev.lifeline.reliability;

import dev.lifeline.system.RunningSystem;

import java.util.Map;
import java.util.Set;

/** outreach-service's delivery ledger, for what HTTP does not show per recipient. */
final class OutreachDb {

    private OutreachDb() {}

    /** The addresses of a business's deliveries that a sender had claimed and not finished ("sending"). */
    static Set<String> inFlight(RunningSystem system, Business business) {
        return ServiceDb.strings(system, "outreach", """
                select lower(c.email) from delivery d
                join outreach_contact c on c.tenant_id = d.tenant_id and c.contact_id = d.contact_id
                where d.tenant_id = ? and d.state = 'sending'""", business.tenantId);
    }

    /** How many of a business's deliveries each outreach instance sent (the instance that made the final claim). */
    static Map<String, Long> sentPerInstance(RunningSystem system, Business business) {
        return ServiceDb.counts(system, "outreach", """
                select claimed_by, count(*) from delivery
                where tenant_id = ? and state = 'sent' group by claimed_by""", business.tenantId);
    }
}
