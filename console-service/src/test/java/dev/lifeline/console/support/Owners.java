package dev.lifeline.console.support;

import dev.lifeline.console.account.Business;
import dev.lifeline.console.account.ConsoleUser;
import dev.lifeline.console.account.KeyCipher;
import dev.lifeline.console.account.PasswordHasher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Verified owners written straight into the console's database, for tests that start signed up. */
@ApplicationScoped
public class Owners {

    private final PasswordHasher hasher;
    private final KeyCipher cipher;

    public Owners(PasswordHasher hasher, KeyCipher cipher) {
        this.hasher = hasher;
        this.cipher = cipher;
    }

    public void create(String email, String password) {
        QuarkusTransaction.requiringNew().run(() -> {
            Business business = new Business();
            business.id = UUID.randomUUID();
            business.name = "Shop of " + email;
            business.tenantId = UUID.randomUUID();
            business.tenantSlug = "shop-" + business.id;
            business.apiKeyEncrypted = cipher.encrypt("ll_test_" + business.id, business.id);
            business.createdAt = Instant.now();
            business.persist();
            ConsoleUser user = new ConsoleUser();
            user.id = UUID.randomUUID();
            user.businessId = business.id;
            user.email = email;
            user.passwordHash = hasher.hash(password);
            user.role = "owner";
            user.createdAt = business.createdAt;
            user.persist();
        });
    }

    /** A further member of the owner's business, as if they had accepted an invitation. */
    public void addMember(String ownerEmail, String email, String password, String role) {
        QuarkusTransaction.requiringNew().run(() -> {
            ConsoleUser owner = ConsoleUser.byEmail(ownerEmail).orElseThrow();
            ConsoleUser user = new ConsoleUser();
            user.id = UUID.randomUUID();
            user.businessId = owner.businessId;
            user.email = email;
            user.passwordHash = hasher.hash(password);
            user.role = role;
            user.createdAt = Instant.now();
            user.persist();
        });
    }

    public UUID idOf(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ConsoleUser.byEmail(email).orElseThrow().id);
    }

    /** A browser signed in through the sign-in form. */
    public static Browser signedIn(String email, String password) {
        Browser browser = new Browser();
        browser.get("/signin");
        Response answer = browser.post("/signin", Map.of("email", email, "password", password));
        if (answer.statusCode() != 303) {
            throw new AssertionError("sign-in of a test user answered " + answer.statusCode());
        }
        return browser;
    }
}
