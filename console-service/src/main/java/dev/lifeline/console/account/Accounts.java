package dev.lifeline.console.account;

import dev.lifeline.console.services.ContactClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Creates a business: its tenant in contact-service (with the operator's admin key), then the console's own rows.
 * Callers hold a transaction; a failure after the tenant was created leaves an unused tenant behind (contact-service
 * has no "create if absent" to make this atomic).
 */
@ApplicationScoped
public class Accounts {

    private static final int SLUG_ATTEMPTS = 3;

    private final ContactClient contacts;
    private final KeyCipher cipher;

    public Accounts(ContactClient contacts, KeyCipher cipher) {
        this.contacts = contacts;
        this.cipher = cipher;
    }

    /** The new owner; the slug function gives a fresh slug per attempt. */
    public ConsoleUser createBusiness(
            String name,
            String region,
            String timeZone,
            List<String> platformIds,
            String email,
            String passwordHash,
            Supplier<String> slugs) {
        ContactClient.NewTenant tenant = null;
        for (int attempt = 0; attempt < SLUG_ATTEMPTS && tenant == null; attempt++) {
            if (contacts.createTenant(name, slugs.get(), region, timeZone) instanceof ContactClient.Created.Done done) {
                tenant = done.tenant();
            }
        }
        if (tenant == null) {
            throw new IllegalStateException("no free slug after " + SLUG_ATTEMPTS + " attempts");
        }
        Business business = new Business();
        business.id = UUID.randomUUID();
        business.name = name;
        business.tenantId = UUID.fromString(tenant.id());
        business.tenantSlug = tenant.slug();
        business.apiKeyEncrypted = cipher.encrypt(tenant.apiKey(), business.id);
        business.pendingDependencies = platformIds.isEmpty() ? null : String.join(",", platformIds);
        business.createdAt = Instant.now();
        business.persist();
        ConsoleUser owner = new ConsoleUser();
        owner.id = UUID.randomUUID();
        owner.businessId = business.id;
        owner.email = email;
        owner.passwordHash = passwordHash;
        owner.role = "owner";
        owner.createdAt = business.createdAt;
        owner.persist();
        return owner;
    }

    public Optional<Business> businessOf(ConsoleUser user) {
        return Business.findByIdOptional(user.businessId);
    }

    public String apiKey(Business business) {
        return cipher.decrypt(business.apiKeyEncrypted, business.id);
    }
}
