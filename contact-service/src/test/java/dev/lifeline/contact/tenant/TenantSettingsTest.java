package dev.lifeline.contact.tenant;

import dev.lifeline.contact.support.Api;
import dev.lifeline.events.EventCodec;
import dev.lifeline.events.Topics;
import dev.lifeline.events.tenant.TenantUpserted;
import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.localstack.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A business reads and changes its own settings with its own key; consent texts are versioned. */
@QuarkusTest
class TenantSettingsTest {

    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://[^/\\s\"]+(/confirm/[A-Za-z0-9_\\-.]+)");

    @InjectLocalStack
    LocalStack stack;

    @Test
    void aBusinessReadsAndChangesItsSettingsAndOtherServicesHearOfIt() {
        Api.TenantKey tenant = Api.newTenant();
        tenant.as()
                .get("/api/v1/tenant")
                .then()
                .statusCode(200)
                .body("id", equalTo(tenant.tenantId()))
                .body("slug", equalTo(tenant.slug()))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("apiKey", equalTo(null));

        tenant.as()
                .body(Map.of(
                        "name",
                        "Ada's new shop",
                        "timeZone",
                        "America/New_York",
                        "defaultRegion",
                        "US",
                        "optInMode",
                        "double",
                        "corsOrigins",
                        List.of("https://new.example", "http://localhost:3000")))
                .patch("/api/v1/tenant")
                .then()
                .statusCode(200)
                .body("name", equalTo("Ada's new shop"))
                .body("timeZone", equalTo("America/New_York"))
                .body("defaultRegion", equalTo("US"))
                .body("optInMode", equalTo("double"))
                .body("corsOrigins", equalTo(List.of("https://new.example", "http://localhost:3000")))
                .body("consentVersion", equalTo(1));
        tenant.as()
                .get("/api/v1/tenant")
                .then()
                .body("name", equalTo("Ada's new shop"))
                .body("defaultRegion", equalTo("US"));

        // The new region reads a local number as a US one.
        tenant.as()
                .body(Map.of("phone", "(201) 555-0123", "consents", Map.of("sms", true)))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .body("phone", equalTo("+12015550123"));

        var records = TopicReader.await(
                stack.kafka().bootstrapServers(),
                Topics.TENANTS,
                r -> tenant.tenantId().equals(r.key())
                        && r.value() != null
                        && r.value().contains("Ada's new shop"),
                1);
        assertThat(records).hasSize(1);
        TenantUpserted event = EventCodec.decode(records.get(0).value(), TenantUpserted.class);
        assertThat(event.timeZone()).isEqualTo("America/New_York");
        assertThat(event.version()).isGreaterThan(1);
    }

    @Test
    void aChangedConsentTextIsANewVersionThatEveryLedgerLineNames() {
        Api.TenantKey tenant = Api.newTenant();
        tenant.as()
                .body(Map.of("consentTexts", Map.of("email", "Yes, e-mail me when Instagram is down.")))
                .patch("/api/v1/tenant")
                .then()
                .statusCode(200)
                .body("consentVersion", equalTo(2))
                .body("consentTexts.email", equalTo("Yes, e-mail me when Instagram is down."))
                .body("consentTexts.sms", equalTo(TenantService.DEFAULT_SMS_TEXT));
        // The same wording again is no new version.
        tenant.as()
                .body(Map.of("consentTexts", Map.of("email", "Yes, e-mail me when Instagram is down.")))
                .patch("/api/v1/tenant")
                .then()
                .statusCode(200)
                .body("consentVersion", equalTo(2));

        tenant.as()
                .get("/api/v1/tenant/consent-texts")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("[0].label", equalTo("tenant-v1"))
                .body("[0].email", equalTo(TenantService.DEFAULT_EMAIL_TEXT))
                .body("[1].label", equalTo("tenant-v2"))
                .body("[1].email", equalTo("Yes, e-mail me when Instagram is down."));

        // An API capture without a text of its own, and a hosted-form capture, both name the version shown.
        String apiId = tenant.as()
                .body(Map.of("email", "api-" + Api.unique() + "@example.com", "consents", Map.of("email", true)))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        tenant.as()
                .get("/api/v1/contacts/" + apiId + "/consents")
                .then()
                .body("events[0].consentVersion", equalTo("tenant-v2"))
                .body("events[0].consentText", equalTo("Yes, e-mail me when Instagram is down."));

        String formEmail = "form-" + Api.unique() + "@example.com";
        RestAssured.given()
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("name", "Grace", "email", formEmail, "emailConsent", "yes", "website", ""))
                .post("/f/" + tenant.slug())
                .then()
                .statusCode(200);
        String formId = tenant.as()
                .queryParam("q", formEmail)
                .get("/api/v1/contacts")
                .then()
                .extract()
                .path("items[0].id");
        tenant.as()
                .get("/api/v1/contacts/" + formId + "/consents")
                .then()
                .body("events[0].consentVersion", equalTo("tenant-v2"))
                .body("events[0].consentText", equalTo("Yes, e-mail me when Instagram is down."));
        RestAssured.get("/f/" + tenant.slug()).then().body(containsString("Yes, e-mail me when Instagram is down."));
    }

    @Test
    void aConfirmationAfterTheTextChangedConfirmsTheWordingThePersonWasShown() throws InterruptedException {
        Api.TenantKey tenant = Api.newTenant("double", "DE");
        String email = "later-" + Api.unique() + "@example.com";
        RestAssured.given()
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("name", "Grace", "email", email, "emailConsent", "yes", "website", ""))
                .post("/f/" + tenant.slug())
                .then()
                .statusCode(200);
        CapturedMail mail = awaitMailTo(email);
        Matcher link = CONFIRM_LINK.matcher(mail.text());
        assertThat(link.find()).as(mail.text()).isTrue();

        tenant.as()
                .body(Map.of("consentTexts", Map.of("email", "A wording Grace never saw")))
                .patch("/api/v1/tenant")
                .then()
                .statusCode(200)
                .body("consentVersion", equalTo(2));
        RestAssured.post(link.group(1)).then().statusCode(200);

        String id = tenant.as()
                .queryParam("q", email)
                .get("/api/v1/contacts")
                .then()
                .extract()
                .path("items[0].id");
        tenant.as()
                .get("/api/v1/contacts/" + id + "/consents")
                .then()
                .body("events.action", equalTo(List.of("requested", "confirmed")))
                .body("events.consentVersion", equalTo(List.of("tenant-v1", "tenant-v1")))
                .body("events[1].consentText", equalTo(TenantService.DEFAULT_EMAIL_TEXT));
    }

    private CapturedMail awaitMailTo(String address) throws InterruptedException {
        // Generous: the mail goes out after the capture commits, on a machine other builds may share.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<CapturedMail> mail = stack.mail().messages().stream()
                    .filter(m -> m.to().contains(address))
                    .findFirst();
            if (mail.isPresent()) {
                return mail.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no confirmation mail to the new contact");
    }

    @Test
    void badSettingsAreRefusedNamingTheFieldAndChangeNothing() {
        Api.TenantKey tenant = Api.newTenant();
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("name", Map.of("name", " "));
        bad.put("name ", Map.of("name", "Evil\r\nBcc: x@example.com"));
        bad.put("defaultRegion", Map.of("defaultRegion", "ZZ"));
        bad.put("defaultRegion ", Map.of("defaultRegion", "de"));
        bad.put("timeZone", Map.of("timeZone", "Mars/Olympus"));
        bad.put("optInMode", Map.of("optInMode", "triple"));
        bad.put("corsOrigins[0]", Map.of("corsOrigins", List.of("javascript:alert(1)")));
        bad.put("corsOrigins[0] ", Map.of("corsOrigins", List.of("https://shop.example/path")));
        bad.put("consentTexts.email", Map.of("consentTexts", Map.of("email", "   ")));
        bad.put("consentTexts.sms", Map.of("consentTexts", Map.of("sms", "text\u0000me")));
        bad.put("slug", Map.of("slug", "another-slug"));
        bad.put("name  ", Map.of("name", List.of("a")));
        bad.forEach((field, body) -> {
            var reply = tenant.as().body(body).patch("/api/v1/tenant");
            assertThat(reply.statusCode()).as(field + ": " + reply.asString()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.<List<String>>path("errors.field")).as(field).contains(field.trim());
        });
        tenant.as().body("[]").patch("/api/v1/tenant").then().statusCode(400).contentType("application/problem+json");
        tenant.as().body("").patch("/api/v1/tenant").then().statusCode(400).contentType("application/problem+json");

        tenant.as()
                .get("/api/v1/tenant")
                .then()
                .body("name", equalTo("Shop " + tenant.slug()))
                .body("slug", equalTo(tenant.slug()))
                .body("defaultRegion", equalTo("DE"))
                .body("consentVersion", equalTo(1));
    }

    @Test
    void oneTenantNeitherSeesNorChangesAnothersSettings() {
        Api.TenantKey ada = Api.newTenant();
        Api.TenantKey bob = Api.newTenant();
        ada.as()
                .body(Map.of("name", "Changed by Ada", "consentTexts", Map.of("email", "Ada's wording")))
                .patch("/api/v1/tenant")
                .then()
                .statusCode(200)
                .body("id", equalTo(ada.tenantId()));
        bob.as()
                .get("/api/v1/tenant")
                .then()
                .statusCode(200)
                .body("id", equalTo(bob.tenantId()))
                .body("name", equalTo("Shop " + bob.slug()))
                .body("consentVersion", equalTo(1));
        bob.as()
                .get("/api/v1/tenant/consent-texts")
                .then()
                .body("", hasSize(1))
                .body("[0].email", equalTo(TenantService.DEFAULT_EMAIL_TEXT));
    }
}
