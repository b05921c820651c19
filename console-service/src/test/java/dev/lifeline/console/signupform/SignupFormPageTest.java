package dev.lifeline.console.signupform;

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
 * The Sign-up form page's refusals. contact-service is absent in these tests: the page itself then says so, and
 * what the console checks before asking contact-service is refused next to its field (the browser test in
 * system-tests saves, previews and embeds against the real one).
 */
@QuarkusTest
class SignupFormPageTest {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    Owners owners;

    @Test
    void aSignedOutVisitorIsSentToSignIn() {
        Response page = new Browser().get("/signup-form");

        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.header("Location")).endsWith("/signin");
    }

    @Test
    void withContactServiceAwayThePageSaysSo_withoutAStackTrace() {
        Browser browser = signedIn();

        Response page = browser.get("/signup-form");

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.asString())
                .contains("Sign-up form is not available right now")
                .doesNotContain("Exception");
    }

    @Test
    void blankConsentTextsAreRefusedNextToTheirFields_andTheTypedWebsitesStay() {
        Browser browser = signedIn();
        browser.get("/dashboard");

        Response refused = browser.post(
                "/signup-form", Map.of("emailText", "  ", "smsText", "", "websites", "https://shop.example"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString())
                .contains("id=\"emailText-error\">Write what customers agree to for e-mail.")
                .contains("id=\"smsText-error\">Write what customers agree to for text messages.")
                .contains(">https://shop.example</textarea>")
                .contains("Not available right now")
                .doesNotContain("Exception");
    }

    @Test
    void aWebsiteWithAPathAndAnOverlongTextAreRefused_andTheTypedTextIsKeptEscaped() {
        Browser browser = signedIn();
        browser.get("/dashboard");

        Response refused = browser.post(
                "/signup-form",
                Map.of(
                        "emailText", "x".repeat(2001),
                        "smsText", "Yes, <b>text</b> me",
                        "websites", "https://shop.example\nhttps://shop.example/contact"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString())
                .contains("id=\"emailText-error\">At most 2000 characters (this has 2001).")
                .contains("id=\"websites-error\">&quot;https://shop.example/contact&quot; is not a website address")
                .contains("aria-invalid=\"true\"")
                .contains("Yes, &lt;b&gt;text&lt;/b&gt; me")
                .doesNotContain("<b>text</b>");
    }

    @Test
    void savingWithoutTheCsrfTokenIsRefused() {
        Browser browser = signedIn();
        browser.get("/dashboard");

        Response refused = browser.postRaw("/signup-form", Map.of("emailText", "Yes", "smsText", "Yes"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.asString()).contains("This form has expired");
    }

    @Test
    void theConsoleLinksToTheSignupFormPage() {
        Browser browser = signedIn();

        assertThat(browser.get("/dashboard").asString()).contains("<a href=\"/signup-form\">Sign-up form</a>");
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
