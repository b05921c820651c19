package dev.lifeline.console.settings;

import dev.lifeline.console.support.Browser;
import dev.lifeline.console.support.Owners;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Settings and Outages pages' refusals; the services are absent here, so each part says it is not available. */
@QuarkusTest
class SettingsPageTest {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    Owners owners;

    @Test
    void withTheServicesAwayEachPartSaysSo_andThePageStillAnswers() {
        Browser browser = signedIn();

        Response page = browser.get("/settings");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("Not available right now").doesNotContain("Exception");
    }

    @Test
    void anEmptyDomainAndAnUnknownKeyScopeAreRefusedNextToTheirFields() {
        Browser browser = signedIn();
        browser.get("/settings");

        Response domain = browser.post("/settings/domains", Map.of("domain", "  "));
        Response scope = browser.post("/settings/keys", Map.of("scope", "root"));

        assertThat(domain.statusCode()).isEqualTo(400);
        assertThat(domain.asString()).contains("id=\"domain-error\">Enter your domain");
        assertThat(scope.statusCode()).isEqualTo(400);
        assertThat(scope.asString()).contains("id=\"scope-error\">Choose what the key may do.");
    }

    @Test
    void everySettingsFormWithoutTheCsrfTokenIsRefused() {
        Browser browser = signedIn();
        browser.get("/settings");
        String id = UUID.randomUUID().toString();

        for (String path : new String[] {
            "/settings/sender",
            "/settings/domains",
            "/settings/domains/" + id + "/verify",
            "/settings/dependencies",
            "/settings/keys",
            "/settings/keys/" + id + "/revoke",
            "/outages/runs/" + id + "/cancel"
        }) {
            Response refused = browser.postRaw(path, Map.of("scope", "admin", "domain", "shop.example"));
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.asString()).as(path).contains("This form has expired");
        }
    }

    @Test
    void theOutagesPageSendsASignedOutVisitorToSignIn_andSaysWhenOutreachIsAway() {
        Response signedOut = new Browser().get("/outages");
        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(signedOut.header("Location")).endsWith("/signin");

        Browser browser = signedIn();
        Response page = browser.get("/outages");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.asString()).contains("Outages and runs is not available right now");
        Response noRun = browser.get("/outages/runs/not-a-run");
        assertThat(noRun.statusCode()).isEqualTo(404);
        assertThat(noRun.asString()).contains("Run not found").doesNotContain("Exception");
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
