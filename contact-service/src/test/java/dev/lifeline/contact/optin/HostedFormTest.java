package dev.lifeline.contact.optin;

import dev.lifeline.contact.support.Api;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class HostedFormTest {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s\"]+(/confirm/[A-Za-z0-9_\\-.]+)");

    @InjectLocalStack
    LocalStack stack;

    private Optional<CapturedMail> awaitMailTo(String address) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<CapturedMail> mail = stack.mail().messages().stream()
                    .filter(m -> m.to().contains(address))
                    .findFirst();
            if (mail.isPresent()) {
                return mail;
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    private static Response submit(String slug, Map<String, String> fields) {
        return RestAssured.given()
                .contentType("application/x-www-form-urlencoded")
                .header("User-Agent", "FormTest/1.0")
                .formParams(fields)
                .post("/f/" + slug);
    }

    @Test
    void theFormShowsTheTenantsConsentTextsAndAHoneypot() {
        Api.TenantKey tenant = Api.newTenant("double", "DE");
        RestAssured.get("/f/" + tenant.slug())
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Yes, e-mail me if we cannot reach you on social media."))
                .body(containsString("name=\"emailConsent\""))
                .body(containsString("name=\"website\""))
                .body(containsString("width=device-width"));
        RestAssured.get("/f/no-such-shop-" + Api.unique()).then().statusCode(404);
        RestAssured.get("/f/" + tenant.slug() + "/embed.js")
                .then()
                .statusCode(200)
                .body(containsString("/api/v1/public/\" + slug + \"/contacts"))
                .body(containsString("\"" + tenant.slug() + "\""));
    }

    @Test
    void doubleOptInConfirmsOnlyWhenTheEmailedLinkIsUsed() throws Exception {
        Api.TenantKey tenant = Api.newTenant("double", "DE");
        String email = "grace-" + Api.unique() + "@example.com";
        submit(
                        tenant.slug(),
                        Map.of(
                                "name",
                                "Grace Hopper",
                                "email",
                                email,
                                "phone",
                                "0151 23456789",
                                "emailConsent",
                                "yes",
                                "smsConsent",
                                "yes",
                                "website",
                                ""))
                .then()
                .statusCode(200)
                .body(containsString("check your inbox"));

        String id = tenant.as()
                .queryParam("q", email)
                .get("/api/v1/contacts")
                .then()
                .extract()
                .path("items[0].id");
        tenant.as()
                .get("/api/v1/contacts/" + id)
                .then()
                .body("consents.email", equalTo("pending"))
                .body("consents.sms", equalTo("pending"))
                .body("phone", equalTo("+4915123456789"))
                .body("source", equalTo("form"));

        CapturedMail mail = awaitMailTo(email).orElseThrow();
        Matcher link = LINK.matcher(mail.text());
        assertThat(link.find()).isTrue();
        String path = link.group(1);
        assertThat(mail.text()).doesNotContain(id).contains("Yes, e-mail me");

        // A GET (a mail scanner, or the person opening it) only asks.
        RestAssured.get(path).then().statusCode(200).body(containsString("Yes, confirm"));
        tenant.as().get("/api/v1/contacts/" + id).then().body("consents.email", equalTo("pending"));

        RestAssured.given()
                .header("User-Agent", "Phone/2.0")
                .post(path)
                .then()
                .statusCode(200)
                .body(containsString("id=\"confirmed\""));
        tenant.as()
                .get("/api/v1/contacts/" + id)
                .then()
                .body("consents.email", equalTo("confirmed"))
                .body("consents.sms", equalTo("confirmed"));
        tenant.as()
                .get("/api/v1/contacts/" + id + "/consents")
                .then()
                .body("events.action", equalTo(List.of("requested", "requested", "confirmed", "confirmed")))
                .body("events[0].source", equalTo("form"))
                .body("events[0].ip", notNullValue())
                .body("events[0].userAgent", equalTo("FormTest/1.0"))
                .body("events[0].consentText", equalTo("Yes, e-mail me if we cannot reach you on social media."))
                .body("events[1].consentText", equalTo("Yes, text me if we cannot reach you on social media."))
                .body("events[2].userAgent", equalTo("Phone/2.0"));

        // Signing up again while a link is fresh sends no second mail.
        stack.mail().clear();
        submit(tenant.slug(), Map.of("email", email, "emailConsent", "yes"))
                .then()
                .statusCode(200);
        Thread.sleep(500);
        assertThat(stack.mail().messages().stream().filter(m -> m.to().contains(email)))
                .isEmpty();
    }

    @Test
    void forgedOrBrokenLinksConfirmNothing() {
        RestAssured.get("/confirm/garbage").then().statusCode(404);
        RestAssured.post("/confirm/garbage").then().statusCode(404);
        ConfirmationTokens other = new ConfirmationTokens("someone-elses-secret-value");
        String forged = other.issue(new ConfirmationTokens.Claims(
                UUID.randomUUID(),
                UUID.randomUUID(),
                Set.of(ContactChannel.EMAIL),
                Instant.now().plusSeconds(60)));
        RestAssured.post("/confirm/" + forged).then().statusCode(404);
    }

    @Test
    void singleOptInConfirmsAtOnceAndRecordsThatChoice() {
        Api.TenantKey tenant = Api.newTenant("single", "DE");
        String email = "single-" + Api.unique() + "@example.com";
        submit(tenant.slug(), Map.of("email", email, "emailConsent", "yes"))
                .then()
                .statusCode(200)
                .body(containsString("You are signed up"));
        String id = tenant.as()
                .queryParam("q", email)
                .get("/api/v1/contacts")
                .then()
                .extract()
                .path("items[0].id");
        tenant.as()
                .get("/api/v1/contacts/" + id + "/consents")
                .then()
                .body("current.email", equalTo("confirmed"))
                .body("events.action", equalTo(List.of("single-opt-in")));
    }

    @Test
    void botsFillingTheHoneypotAreThankedAndIgnored() {
        Api.TenantKey tenant = Api.newTenant("single", "DE");
        submit(
                        tenant.slug(),
                        Map.of("email", "bot@example.com", "emailConsent", "yes", "website", "http://spam.example"))
                .then()
                .statusCode(200)
                .body(containsString("You are signed up"));
        tenant.as().get("/api/v1/contacts").then().body("items", hasSize(0));
    }

    @Test
    void badFormInputIsShownAgainWithAMessage() {
        Api.TenantKey tenant = Api.newTenant("double", "DE");
        submit(tenant.slug(), Map.of("email", "not-an-address", "emailConsent", "yes"))
                .then()
                .statusCode(400)
                .body(containsString("role=\"alert\""));
        submit(tenant.slug(), Map.of("email", "ok@example.com"))
                .then()
                .statusCode(400)
                .body(containsString("tick at least one"));
        tenant.as().get("/api/v1/contacts").then().body("items", hasSize(0));
    }

    @Test
    void onePlaceCannotFloodAForm() {
        Api.TenantKey tenant = Api.newTenant("single", "DE");
        for (int i = 0; i < 20; i++) {
            submit(tenant.slug(), Map.of("email", "x@example.com", "emailConsent", "yes", "website", "bot"))
                    .then()
                    .statusCode(200);
        }
        submit(tenant.slug(), Map.of("email", "x@example.com", "emailConsent", "yes"))
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue());
        RestAssured.given()
                .contentType("application/json")
                .body(Map.of("email", "y@example.com", "emailConsent", true))
                .post("/api/v1/public/" + tenant.slug() + "/contacts")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
    }

    @Test
    void theJsonEndpointHonoursTheTenantsCorsAllowList() {
        Api.TenantKey tenant = Api.newTenant("double", "DE");
        String url = "/api/v1/public/" + tenant.slug() + "/contacts";
        RestAssured.given()
                .header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "POST")
                .options(url)
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", "https://shop.example");
        RestAssured.given()
                .header("Origin", "https://evil.example")
                .options(url)
                .then()
                .statusCode(403);
        RestAssured.given()
                .header("Origin", "https://evil.example")
                .contentType("application/json")
                .body(Map.of("email", "cors@example.com", "emailConsent", true))
                .post(url)
                .then()
                .statusCode(403);
        RestAssured.given()
                .header("Origin", "https://shop.example")
                .contentType("application/json")
                .body(Map.of("email", "cors@example.com", "emailConsent", true))
                .post(url)
                .then()
                .statusCode(202)
                .header("Access-Control-Allow-Origin", "https://shop.example")
                .body("status", equalTo("pending-confirmation"));
        RestAssured.given()
                .contentType("application/json")
                .body(Map.of("email", "bad@", "emailConsent", true))
                .post(url)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("email"));
        RestAssured.given()
                .contentType("application/json")
                .body(Map.of("email", "a@example.com", "admin", true))
                .post(url)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("admin"));
        tenant.as().get("/api/v1/contacts").then().body("items", hasSize(1));
    }
}
