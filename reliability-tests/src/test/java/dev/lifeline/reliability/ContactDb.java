package dev.lifeline.reliability;

import dev.lifeline.system.RunningSystem;

import java.util.Set;

/** What contact-service has stored, not what an API answers. */
final class ContactDb {

    private ContactDb() {}

    static Set<String> emails(RunningSystem system, Business business) {
        return ServiceDb.strings(
                system,
                "contact",
                "select lower(email) from contact where tenant_id = ?::uuid and email is not null",
                business.tenantId);
    }
}
