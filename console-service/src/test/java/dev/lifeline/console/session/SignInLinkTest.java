package dev.lifeline.console.session;

import dev.lifeline.console.support.Browser;
import dev.lifeline.console.support.Inbox;
import dev.lifeline.console.support.Owners;
import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** "E-mail me a sign-in link": the real SMTP of local-stack carries the link. */
@QuarkusTest
class SignInLinkTest {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    Owners owners;

    @InjectLocalStack
    LocalStack stack;

    @Test
    void theMailedLinkSignsInOnce_andIsDeadAfterwards() {
        String email = unique();
        owners.create(email, PASSWORD);
        Browser browser = new Browser();
        browser.get("/signin");

        Response sent = browser.post("/signin/link", Map.of("email", email.toUpperCase()));

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.asString()).contains("Check your inbox");
        CapturedMail mail = new Inbox(stack).awaitMail(email);
        assertThat(mail.text()).contains("15 minutes");
        String link = Inbox.link(mail, "/signin/link/open");
        Response page = browser.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(browser.cookie(Sessions.COOKIE))
                .as("opening the link alone signs nobody in")
                .isNull();

        Response signedIn = browser.post("/signin/link/open", Map.of("token", Inbox.token(link)));

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/dashboard");
        assertThat(browser.get("/dashboard").statusCode()).isEqualTo(200);
        Browser other = new Browser();
        other.get("/signin");
        Response again = other.post("/signin/link/open", Map.of("token", Inbox.token(link)));
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.asString()).contains("This link does not work");
        assertThat(other.cookie(Sessions.COOKIE)).isNull();
        assertThat(other.get(link).statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswer_andNoMail() {
        String known = unique();
        String unknown = unique();
        owners.create(known, PASSWORD);
        Browser browser = new Browser();
        browser.get("/signin");

        Response forUnknown = browser.post("/signin/link", Map.of("email", unknown));
        Response forKnown = browser.post("/signin/link", Map.of("email", known));

        assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode()).isEqualTo(200);
        assertThat(forUnknown.asString().replace(unknown, "ADDRESS"))
                .isEqualTo(forKnown.asString().replace(known, "ADDRESS"));
        Inbox inbox = new Inbox(stack);
        inbox.awaitMail(known);
        assertThat(inbox.mailsTo(unknown)).isEmpty();
    }

    @Test
    void anExpiredLinkDoesNotSignIn() {
        String email = unique();
        owners.create(email, PASSWORD);
        Browser browser = new Browser();
        browser.get("/signin");
        browser.post("/signin/link", Map.of("email", email));
        String link = Inbox.link(new Inbox(stack).awaitMail(email), "/signin/link/open");
        QuarkusTransaction.requiringNew()
                .run(() -> SignInLink.update(
                        "expiresAt = ?1 where tokenHash = ?2",
                        Instant.now().minusSeconds(1),
                        Tokens.hash(Inbox.token(link))));

        Response page = browser.get(link);
        Response post = browser.post("/signin/link/open", Map.of("token", Inbox.token(link)));

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.asString()).contains("This link does not work", "expired or was already used");
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(browser.cookie(Sessions.COOKIE)).isNull();
    }

    @Test
    void afterFiveRequestsTheAddressIsPaused429() {
        String address = unique();
        Browser browser = new Browser();
        browser.get("/signin");
        for (int i = 0; i < 5; i++) {
            assertThat(browser.post("/signin/link", Map.of("email", address)).statusCode())
                    .isEqualTo(200);
        }

        Response paused = browser.post("/signin/link", Map.of("email", address));

        assertThat(paused.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(paused.header("Retry-After"))).isBetween(1, 15 * 60);
        assertThat(paused.asString()).contains("Too many attempts");
    }

    @Test
    void aMissingOrMalformedAddressIsRefusedNextToTheField_andWithoutCsrfNothingHappens() {
        Browser browser = new Browser();
        browser.get("/signin");

        Response empty = browser.post("/signin/link", Map.of("email", " "));
        Response malformed = browser.post("/signin/link", Map.of("email", "no-at-sign"));
        Response noCsrf = browser.postRaw("/signin/link", Map.of("email", unique()));
        Response useNoCsrf = browser.postRaw("/signin/link/open", Map.of("token", "A".repeat(43)));

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.asString()).contains("id=\"linkEmail-error\">Enter your e-mail address.");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.asString())
                .contains("id=\"linkEmail-error\">This does not look like an e-mail address.", "value=\"no-at-sign\"");
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(useNoCsrf.statusCode()).isEqualTo(403);
    }

    private static String unique() {
        return "member-" + UUID.randomUUID() + "@example.com";
    }
}
