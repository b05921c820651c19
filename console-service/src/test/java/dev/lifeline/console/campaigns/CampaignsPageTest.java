package dev.lifeline.console.campaigns;

import dev.lifeline.console.support.Browser;
import dev.lifeline.console.support.Owners;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Campaigns page's refusals, against the console's real database. outreach-service is absent here (its URL is
 * a closed port), so what the console checks itself is what these tests see; outreach's own refusals next to the
 * field are in system-tests' ConsoleJourneySystemTest.
 */
@QuarkusTest
class CampaignsPageTest {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    Owners owners;

    @Test
    void aSignedOutVisitorIsSentToSignIn() {
        Response page = new Browser().get("/campaigns");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.header("Location")).endsWith("/signin");
    }

    @Test
    void anEmptyEmailCampaignIsRefused_withAMessageNextToEachMissingField() {
        Browser browser = signedIn();
        browser.get("/campaigns/new?channel=email");

        Response refused = browser.post("/campaigns/new", form(Map.of("name", " ", "subject", "", "textBody", "")));

        assertThat(refused.statusCode()).isEqualTo(400);
        String html = refused.asString();
        assertThat(html)
                .contains("id=\"name-error\">Give the campaign a name.")
                .contains("id=\"subject-error\">Write a subject line.")
                .contains("id=\"textBody-error\">Write the message.")
                .contains("aria-invalid=\"true\"")
                .doesNotContain("Exception", "at dev.lifeline");
    }

    @Test
    void aGracePeriodThatIsNotMinutesAndHalfAQuietWindowAreNamedNextToTheirFields_andTheTextIsKept() {
        Browser browser = signedIn();
        browser.get("/campaigns/new?channel=email");

        Response refused = browser.post(
                "/campaigns/new", form(Map.of("graceMinutes", "two", "quietStart", "21:00", "quietEnd", "")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString())
                .contains("id=\"graceMinutes-error\">Enter a number of minutes from 0 to 1440.")
                .contains("id=\"quietStart-error\">Give both the start and the end of the quiet hours, or neither.")
                .contains("Instagram is down &lt;b&gt;again&lt;/b&gt;");
        Response late = browser.post(
                "/campaigns/new", form(Map.of("graceMinutes", "1441", "quietStart", "21:00", "quietEnd", "25:00")));
        assertThat(late.asString())
                .contains("id=\"graceMinutes-error\"")
                .contains("id=\"quietStart-error\">Write the times as hours and minutes");
    }

    @Test
    void aCampaignFormWithoutTheBrowsersCsrfTokenIsRefused() {
        Browser browser = signedIn();
        browser.get("/campaigns/new?channel=email");
        Map<String, Object> fields = new HashMap<>(form(Map.of()));

        Response forged = browser.postRaw("/campaigns/new", fields);
        fields.put("csrf", "forged-token-forged-token-forged-token");
        Response wrong = browser.postRaw("/campaigns/new", fields);
        Response audience = browser.postRaw("/campaigns/" + UUID.randomUUID() + "/audience", Map.of());
        Response test = browser.postRaw("/campaigns/" + UUID.randomUUID() + "/test", Map.of("to", "owner@example.com"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(audience.statusCode()).isEqualTo(403);
        assertThat(test.statusCode()).isEqualTo(403);
        assertThat(forged.asString()).contains("This form has expired");
    }

    @Test
    void withOutreachAwayTheListSaysSo_withoutAStackTrace() {
        Browser browser = signedIn();

        Response page = browser.get("/campaigns");

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.asString())
                .contains("Campaigns is not available right now")
                .doesNotContain("Exception");
    }

    @Test
    void aTestSendWithOutreachAwaySaysSo_andASignedOutOneGoesToSignIn() {
        Browser browser = signedIn();
        browser.get("/campaigns/new?channel=email");

        Response test = browser.post("/campaigns/" + UUID.randomUUID() + "/test", Map.of("to", "owner@example.com"));

        assertThat(test.statusCode()).isEqualTo(503);
        assertThat(test.asString()).contains("not available right now").doesNotContain("Exception");
        Browser signedOut = new Browser();
        signedOut.get("/signin");
        Response anonymous =
                signedOut.post("/campaigns/" + UUID.randomUUID() + "/test", Map.of("to", "owner@example.com"));
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.header("Location")).endsWith("/signin");
    }

    @Test
    void theSmsEditorCountsSegments_andTheCounterAnswersAsTheOwnerTypes() {
        Browser browser = signedIn();

        Response editor = browser.get("/campaigns/new?channel=sms");

        assertThat(editor.statusCode()).isEqualTo(200);
        assertThat(editor.asString()).contains("id=\"sms-counter\"").doesNotContain("id=\"subject\"");
        Response counted =
                RestAssured.given().queryParam("text", "Ł".repeat(71)).get("/campaigns/segments");
        assertThat(counted.statusCode()).isEqualTo(200);
        assertThat(counted.jsonPath().getString("encoding")).isEqualTo("UCS-2");
        assertThat(counted.jsonPath().getInt("segments")).isEqualTo(2);
        assertThat(counted.jsonPath().getInt("perSegment")).isEqualTo(67);
    }

    @Test
    void theWhatsAppEditorAsksForTheTemplate_notForAMessage() {
        Browser browser = signedIn();

        Response editor = browser.get("/campaigns/new?channel=whatsapp");

        assertThat(editor.statusCode()).isEqualTo(200);
        assertThat(editor.asString())
                .contains("New WhatsApp campaign")
                .contains("id=\"templateName\"", "id=\"templateLanguage\"", "id=\"templateParameters\"")
                .contains("name=\"channel\" value=\"whatsapp\"")
                .doesNotContain("id=\"textBody\"", "id=\"sms-counter\"", "id=\"subject\"");
    }

    @Test
    void aWhatsAppCampaignWithoutTemplateNameAndWithALanguageThatIsNoCodeIsRefusedNextToEachField() {
        Browser browser = signedIn();
        browser.get("/campaigns/new?channel=whatsapp");

        Response refused = browser.post(
                "/campaigns/new",
                whatsapp(Map.of(
                        "templateName",
                        " ",
                        "templateLanguage",
                        "English",
                        "templateParameters",
                        "{contact.firstName}\n\n{outage.platform}")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString())
                .contains("id=\"templateName-error\">Give the name of the template Meta approved")
                .contains("id=\"templateLanguage-error\">Write the template&#39;s language code, e.g. en or en_US.")
                .contains("id=\"templateParameters-error\">Parameter 2 is empty")
                .contains("{contact.firstName}")
                .doesNotContain("Exception", "at dev.lifeline");
    }

    @Test
    void theWebhookEditorAsksForTheAddressAndASecret_andExplainsNoPayloadBeforeSaving() {
        Browser browser = signedIn();

        Response editor = browser.get("/campaigns/new?channel=webhook");

        assertThat(editor.statusCode()).isEqualTo(200);
        assertThat(editor.asString())
                .contains("New webhook campaign")
                .contains("id=\"webhookUrl\"")
                .contains("id=\"webhookSecret\" name=\"webhookSecret\" type=\"password\" value=\"\"")
                .doesNotContain("id=\"sms-counter\"", "id=\"subject\"", "A secret is set");
    }

    @Test
    void aWebhookThatIsNotHttpWithATooShortSecretIsRefusedNextToEachField_andTheSecretIsNotShownBack() {
        Browser browser = signedIn();
        browser.get("/campaigns/new?channel=webhook");

        Response refused = browser.post(
                "/campaigns/new",
                webhook(Map.of("webhookUrl", "ftp://shop.example/hook", "webhookSecret", "tiny-s3cret")));
        Response noSecret = browser.post("/campaigns/new", webhook(Map.of("webhookUrl", "", "webhookSecret", "")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString())
                .contains("id=\"webhookUrl-error\">Give a web address starting with https:// (or http://).")
                .contains("id=\"webhookSecret-error\">Use 16 to 200 characters for the secret")
                .contains("ftp://shop.example/hook")
                .doesNotContain("tiny-s3cret", "Exception");
        assertThat(noSecret.statusCode()).isEqualTo(400);
        assertThat(noSecret.asString())
                .contains("id=\"webhookUrl-error\">Give the address of your endpoint")
                .contains("id=\"webhookSecret-error\">Choose a signing secret");
    }

    @Test
    void whatsAppAndWebhookFormsWithoutTheBrowsersCsrfTokenAreRefused() {
        Browser browser = signedIn();
        browser.get("/campaigns/new?channel=webhook");

        Response hook =
                browser.postRaw("/campaigns/new", webhook(Map.of("webhookSecret", "a-secret-of-24-characters")));
        Response wa = browser.postRaw("/campaigns/" + UUID.randomUUID(), whatsapp(Map.of()));

        assertThat(hook.statusCode()).isEqualTo(403);
        assertThat(wa.statusCode()).isEqualTo(403);
        assertThat(hook.asString()).contains("This form has expired").doesNotContain("a-secret-of-24-characters");
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

    private static Map<String, Object> form(Map<String, String> overrides) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("channel", "email");
        fields.put("name", "Instagram fallback");
        fields.put("platformId", "instagram");
        fields.put("subject", "We are still here");
        fields.put("textBody", "Instagram is down <b>again</b>");
        fields.put("graceMinutes", "2");
        fields.put("quietStart", "");
        fields.put("quietEnd", "");
        fields.putAll(overrides);
        return fields;
    }

    private static Map<String, Object> whatsapp(Map<String, String> overrides) {
        Map<String, Object> fields = form(Map.of("channel", "whatsapp", "subject", "", "textBody", ""));
        fields.put("templateName", "outage_notice");
        fields.put("templateLanguage", "en_US");
        fields.put("templateParameters", "{contact.firstName}");
        fields.putAll(overrides);
        return fields;
    }

    private static Map<String, Object> webhook(Map<String, String> overrides) {
        Map<String, Object> fields = form(Map.of("channel", "webhook", "subject", "", "textBody", ""));
        fields.put("webhookUrl", "https://shop.example/hook");
        fields.put("webhookSecret", "");
        fields.putAll(overrides);
        return fields;
    }
}
