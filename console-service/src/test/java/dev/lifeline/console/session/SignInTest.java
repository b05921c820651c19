package dev.lifeline.console.session;

import dev.lifeline.console.support.Browser;
import dev.lifeline.console.support.Owners;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in, sign-out and their refusals, against the console's real PostgreSQL. */
@QuarkusTest
class SignInTest {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    Owners owners;

    @Test
    void theRightPasswordSignsIn_withAnHttpOnlySecureLaxCookie_andSignOutEndsTheSession() {
        String email = unique();
        owners.create(email, PASSWORD);
        Browser browser = new Browser();
        browser.get("/signin");

        Response signedIn = browser.post("/signin", Map.of("email", email.toUpperCase(), "password", PASSWORD));

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/dashboard");
        String setCookie = signedIn.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Sessions.COOKIE + "="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "Secure", "SameSite=Lax");
        Response dashboard = browser.get("/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.asString())
                .contains("Shop of " + email)
                .contains("Platform states are not available right now");

        assertThat(browser.post("/signout", Map.of()).statusCode()).isEqualTo(303);
        Response after = browser.get("/dashboard");
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.header("Location")).endsWith("/signin");
    }

    @Test
    void aWrongPasswordIsRefused_withAMessageNextToThePasswordField() {
        String email = unique();
        owners.create(email, PASSWORD);
        Browser browser = new Browser();
        browser.get("/signin");

        Response refused = browser.post("/signin", Map.of("email", email, "password", "not the password"));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.asString())
                .contains("id=\"password-error\"")
                .contains("The e-mail address or the password is wrong.")
                .doesNotContain("Exception", "at dev.lifeline");
        assertThat(browser.cookie(Sessions.COOKIE)).isNull();
        assertThat(browser.get("/dashboard").statusCode()).isEqualTo(303);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAsAWrongPassword() {
        Browser browser = new Browser();
        browser.get("/signin");

        Response refused = browser.post("/signin", Map.of("email", unique(), "password", PASSWORD));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.asString()).contains("The e-mail address or the password is wrong.");
    }

    @Test
    void emptyFieldsGetAMessageEach() {
        Browser browser = new Browser();
        browser.get("/signin");

        Response refused = browser.post("/signin", Map.of("email", " ", "password", ""));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString())
                .contains(
                        "id=\"email-error\"",
                        "Enter your e-mail address.",
                        "id=\"password-error\"",
                        "Enter your password.");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused403_evenWithTheRightPassword() {
        String email = unique();
        owners.create(email, PASSWORD);
        Browser browser = new Browser();
        browser.get("/signin");

        Response missing = browser.postRaw("/signin", Map.of("email", email, "password", PASSWORD));
        Response forged =
                browser.postRaw("/signin", Map.of("email", email, "password", PASSWORD, "csrf", "x".repeat(43)));
        Response noCookie =
                new Browser().postRaw("/signin", Map.of("email", email, "password", PASSWORD, "csrf", "x".repeat(43)));

        for (Response refused : new Response[] {missing, forged, noCookie}) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.asString()).contains("This form has expired");
        }
        assertThat(browser.cookie(Sessions.COOKIE)).isNull();
    }

    @Test
    void afterFiveWrongPasswordsTheAddressIsPaused429_evenForTheRightPassword() {
        String email = unique();
        owners.create(email, PASSWORD);
        Browser browser = new Browser();
        browser.get("/signin");
        for (int i = 0; i < 5; i++) {
            assertThat(browser.post("/signin", Map.of("email", email, "password", "wrong " + i))
                            .statusCode())
                    .isEqualTo(401);
        }

        Response paused = browser.post("/signin", Map.of("email", email, "password", PASSWORD));

        assertThat(paused.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(paused.header("Retry-After"))).isBetween(1, 15 * 60);
        assertThat(paused.asString()).contains("Too many attempts", "Try again in");
        assertThat(browser.cookie(Sessions.COOKIE)).isNull();
    }

    private static String unique() {
        return "owner-" + UUID.randomUUID() + "@example.com";
    }
}
