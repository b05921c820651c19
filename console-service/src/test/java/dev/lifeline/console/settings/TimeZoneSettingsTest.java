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

/** The time zone on the Settings page; contact-service, which keeps it, is absent here. */
@QuarkusTest
class TimeZoneSettingsTest {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    Owners owners;

    @Test
    void aZoneThatIsNotOneIsRefusedNextToTheField_withTheTypedTextKept() {
        Browser browser = signedIn();
        browser.get("/settings");

        for (String bad : new String[] {"Mars/Olympus", "+02:00", "<script>"}) {
            Response refused = browser.post("/settings/timezone", Map.of("timeZone", bad));
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.asString())
                    .as(bad)
                    .contains("id=\"timeZone-error\">This is not a time zone we know")
                    .doesNotContain("Exception", "<script>");
        }
        Response blank = browser.post("/settings/timezone", Map.of("timeZone", " "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.asString()).contains("id=\"timeZone-error\">Choose your time zone");
    }

    @Test
    void withContactServiceAwayTheTimeZoneSaysSo_andAGoodZoneGetsTheUnavailablePage() {
        Browser browser = signedIn();
        Response page = browser.get("/settings");
        assertThat(page.asString()).contains("id=\"timezone-heading\"", "Not available right now");

        Response save = browser.post("/settings/timezone", Map.of("timeZone", "Europe/Paris"));

        assertThat(save.statusCode()).isEqualTo(503);
        assertThat(save.asString())
                .contains("Settings is not available right now")
                .doesNotContain("Exception");
    }

    private Browser signedIn() {
        String email = "owner-" + UUID.randomUUID() + "@example.com";
        owners.create(email, PASSWORD);
        return Owners.signedIn(email, PASSWORD);
    }
}
