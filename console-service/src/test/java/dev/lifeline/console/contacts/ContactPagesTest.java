package dev.lifeline.console.contacts;

import dev.lifeline.console.support.Browser;
import dev.lifeline.console.support.Owners;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Contacts pages' answers that do not need contact-service: in this module's tests it is absent (its URL is a
 * closed port), so what the owner sees then is part of what is tested. The pages against the real service are in
 * system-tests' ContactsConsoleSystemTest.
 */
@QuarkusTest
class ContactPagesTest {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    Owners owners;

    @Test
    void theContactPagesSendASignedOutVisitorToSignIn() {
        Browser browser = new Browser();
        for (String path :
                new String[] {"/contacts", "/contacts/new", "/contacts/" + UUID.randomUUID(), "/contacts/export.csv"}) {
            Response page = browser.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(303);
            assertThat(page.header("Location")).as(path).endsWith("/signin");
        }
    }

    @Test
    void whenContactServiceDoesNotAnswer_theListSaysSo_withA503PageAndNoStackTrace() {
        Browser browser = signedIn();

        Response list = browser.get("/contacts?q=ada");

        assertThat(list.statusCode()).isEqualTo(503);
        assertThat(list.asString())
                .contains("Your contacts are not available right now", "Nothing was changed")
                .doesNotContain("Exception", "at dev.lifeline");
        Response export = browser.get("/contacts/export.csv");
        assertThat(export.statusCode()).isEqualTo(503);
        assertThat(export.asString()).contains("The export is not available right now");
    }

    @Test
    void addingAContactWithNeitherEMailNorPhone_getsAMessageNextToTheEMailField_withoutAskingContactService() {
        Browser browser = signedIn();
        browser.get("/contacts/new");

        Response refused = browser.post(
                "/contacts", Map.of("name", "Ada", "email", " ", "phone", "", "tags", "", "smsConsent", "on"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString())
                .contains("id=\"email-error\"", "Enter an e-mail address or a phone number (or both).")
                .contains("id=\"phone-error\"", "SMS consent needs a phone number.")
                .contains("value=\"Ada\"")
                .doesNotContain("Exception");
    }

    @Test
    void aContactFormWithoutTheCsrfToken_isRefused403() {
        Browser browser = signedIn();
        browser.get("/contacts/new");
        String id = UUID.randomUUID().toString();

        Response add = browser.postRaw("/contacts", Map.of("name", "Ada", "email", "ada@example.com"));
        Response edit = browser.postRaw("/contacts/" + id, Map.of("name", "Ada", "csrf", "y".repeat(43)));
        Response erase = browser.postRaw("/contacts/" + id + "/erase", Map.of());

        for (Response refused : new Response[] {add, edit, erase}) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.asString()).contains("This form has expired");
        }
    }

    @Test
    void aContactAddressThatIsNoIdAtAll_isA404Page() {
        Browser browser = signedIn();

        Response page = browser.get("/contacts/not-a-contact-id");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.asString()).contains("Contact not found");
    }

    private Browser signedIn() {
        String email = "owner-" + UUID.randomUUID() + "@example.com";
        owners.create(email, PASSWORD);
        Browser browser = new Browser();
        browser.get("/signin");
        assertThat(browser.post("/signin", Map.of("email", email, "password", PASSWORD))
                        .statusCode())
                .isEqualTo(303);
        return browser;
    }
}
