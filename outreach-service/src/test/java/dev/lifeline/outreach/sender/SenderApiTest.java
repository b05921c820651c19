package dev.lifeline.outreach.sender;

import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.TestBus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.lifeline.outreach.sender.SenderSetup.addDomain;
import static dev.lifeline.outreach.sender.SenderSetup.publishNewest;
import static dev.lifeline.outreach.sender.SenderSetup.putSender;
import static dev.lifeline.outreach.sender.SenderSetup.verifiedDomain;
import static dev.lifeline.outreach.sender.SenderSetup.verify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SenderApiTest {

    @InjectLocalStack
    LocalStack stack;

    static String key;
    static String otherKey;

    @BeforeEach
    void tenants() {
        if (key == null) {
            var kafka = TestBus.companion(stack.kafka().bootstrapServers());
            key = TestBus.newTenant(kafka, "t-" + TestBus.uid());
            otherKey = TestBus.newTenant(kafka, "t-" + TestBus.uid());
        }
    }

    @Test
    void anAddedDomainShowsTheDkimRecordToPublishAndNeverThePrivateKey() {
        String body = addDomain(key, "Mail.Shop-One.Example.")
                .statusCode(201)
                .header("Location", containsString("/api/v1/tenant/sending-domains/"))
                .body("domain", equalTo("mail.shop-one.example"))
                .body("verified", equalTo(false))
                .body("keys", hasSize(1))
                .body("keys[0].state", equalTo("pending"))
                .body("keys[0].selector", matchesPattern("ll\\d{8}-[0-9a-f]{8}"))
                .body("keys[0].dnsRecord.type", equalTo("TXT"))
                .body("keys[0].dnsRecord.name", startsWith("ll"))
                .body("keys[0].dnsRecord.name", containsString("._domainkey.mail.shop-one.example"))
                .body("keys[0].dnsRecord.value", startsWith("v=DKIM1; k=rsa; p=MIIBIjAN"))
                .extract()
                .asString();
        assertThat(body).doesNotContainIgnoringCase("private").doesNotContain("MIIEv");
        String listed = given().auth()
                .oauth2(key)
                .get("/api/v1/tenant/sending-domains")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(listed)
                .contains("mail.shop-one.example")
                .doesNotContainIgnoringCase("private")
                .doesNotContain("MIIEv");
    }

    @Test
    void aDomainIsVerifiedOnceItsRecordIsInDnsAndNotBefore() {
        var added = addDomain(key, "verify.shop.example").statusCode(201);
        String id = added.extract().path("id");
        verify(key, id)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("dnsRecord"))
                .body("errors[0].message", containsString("._domainkey.verify.shop.example"));
        FakeDns.publish(added.extract().path("keys[0].dnsRecord.name"), "v=DKIM1; k=rsa; p=MIIBIjANsomebodyElsesKey");
        verify(key, id).statusCode(422);

        publishNewest(added);
        verify(key, id).statusCode(200).body("verified", equalTo(true)).body("keys[0].state", equalTo("active"));
    }

    @Test
    void aFailingDnsLookupIsATemporaryProblemNotAVerdict() {
        var added = addDomain(key, "dns-down.shop.example").statusCode(201);
        FakeDns.fail(added.extract().path("keys[0].dnsRecord.name"));
        verify(key, added.extract().path("id")).statusCode(503);
    }

    @Test
    void rotationSignsWithTheNewKeyOnlyOnceVerifiedAndKeepsTheOldOneListedUntilRemoved() {
        String id = verifiedDomain(key, "rotate.shop.example");
        String first = given().auth()
                .oauth2(key)
                .get("/api/v1/tenant/sending-domains/{id}", id)
                .then()
                .extract()
                .path("keys[0].selector");

        var rotated = given().auth()
                .oauth2(key)
                .post("/api/v1/tenant/sending-domains/{id}/keys", id)
                .then()
                .statusCode(201)
                .body("keys", hasSize(2))
                .body("keys[0].state", equalTo("active"))
                .body("keys[1].state", equalTo("pending"))
                .body("keys[1].selector", not(equalTo(first)));
        given().auth()
                .oauth2(key)
                .post("/api/v1/tenant/sending-domains/{id}/keys", id)
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("keys"));

        publishNewest(rotated);
        verify(key, id)
                .statusCode(200)
                .body("keys[0].state", equalTo("retired"))
                .body("keys[1].state", equalTo("active"));
        String second = given().auth()
                .oauth2(key)
                .get("/api/v1/tenant/sending-domains/{id}", id)
                .then()
                .extract()
                .path("keys[1].selector");

        given().auth()
                .oauth2(key)
                .delete("/api/v1/tenant/sending-domains/{id}/keys/{s}", id, second)
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("selector"));
        given().auth()
                .oauth2(key)
                .delete("/api/v1/tenant/sending-domains/{id}/keys/{s}", id, first)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(key)
                .get("/api/v1/tenant/sending-domains/{id}", id)
                .then()
                .body("keys", hasSize(1))
                .body("keys[0].selector", equalTo(second));
    }

    @Test
    void aFromAddressNeedsAVerifiedDomainOfTheBusinessItself() {
        String tenantOwn = "from.shop.example";
        addDomain(key, tenantOwn).statusCode(201);
        putSender(key, "Ada's Shop", "news@" + tenantOwn, null)
                .statusCode(422)
                .body("errors[0].field", equalTo("fromAddress"));
        putSender(key, "Ada's Shop", "news@nobody.example", null)
                .statusCode(422)
                .body("errors[0].field", equalTo("fromAddress"));
        // Verified by another business is not verified for this one.
        verifiedDomain(otherKey, "theirs.shop.example");
        putSender(key, "Ada's Shop", "news@theirs.shop.example", null)
                .statusCode(422)
                .body("errors[0].field", equalTo("fromAddress"));
    }

    @Test
    void theIdentityWithoutADomainNamesTheBusinessButSendsFromTheServiceAddress() {
        String k = newTenant();
        given().auth()
                .oauth2(k)
                .get("/api/v1/tenant/sender")
                .then()
                .statusCode(200)
                .body("displayName", nullValue())
                .body("from", containsString("lifeline@localhost"));
        putSender(k, "Ada's Shop, Berlin", null, "hello@ada-shop.example")
                .statusCode(200)
                .body("displayName", equalTo("Ada's Shop, Berlin"))
                .body("replyTo", equalTo("hello@ada-shop.example"))
                .body("from", equalTo("\"Ada's Shop, Berlin\" <lifeline@localhost>"))
                .body("signedBy", nullValue());
    }

    @Test
    void theIdentityOnAVerifiedDomainSendsFromItSigned() {
        String k = newTenant();
        verifiedDomain(k, "signed.shop.example");
        putSender(k, "Ada", "News@Signed.Shop.Example", null)
                .statusCode(200)
                .body("fromAddress", equalTo("News@signed.shop.example"))
                .body("from", equalTo("\"Ada\" <News@signed.shop.example>"))
                .body("signedBy.domain", equalTo("signed.shop.example"))
                .body("signedBy.selector", startsWith("ll"));
    }

    @Test
    void aDomainInUseByTheFromAddressCannotBeRemovedUntilTheAddressChanges() {
        String k = newTenant();
        String id = verifiedDomain(k, "inuse.shop.example");
        putSender(k, null, "news@inuse.shop.example", null).statusCode(200);
        given().auth()
                .oauth2(k)
                .delete("/api/v1/tenant/sending-domains/{id}", id)
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("domain"));
        putSender(k, null, null, null).statusCode(200);
        given().auth()
                .oauth2(k)
                .delete("/api/v1/tenant/sending-domains/{id}", id)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(k)
                .get("/api/v1/tenant/sending-domains/{id}", id)
                .then()
                .statusCode(404);
    }

    @Test
    void invalidDomainNamesAreRefusedNamingTheField() {
        for (String bad : List.of(
                "localhost",
                "shop",
                "192.168.1.10",
                "-shop.example",
                "shop-.example",
                "sh op.example",
                "shop..example",
                "shöp.example",
                "shop.example/x",
                "a".repeat(64) + ".example",
                "shop.123",
                "shop.example\r\nBcc: x@y.example",
                "_dmarc.shop.example")) {
            addDomain(key, bad)
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("domain"));
        }
        addDomain(key, "").statusCode(400).body("errors[0].field", equalTo("domain"));
        addDomain(key, "dup.shop.example").statusCode(201);
        addDomain(key, "DUP.shop.example").statusCode(409).body("errors[0].field", equalTo("domain"));
    }

    @Test
    void headerInjectionAndMalformedAddressesAreRefusedNamingTheField() {
        putSender(key, "Ada\r\nBcc: everyone@example.com", null, null)
                .statusCode(400)
                .body("errors[0].field", equalTo("displayName"));
        putSender(key, "Ada <evil@example.com>", null, null)
                .statusCode(400)
                .body("errors[0].field", equalTo("displayName"));
        putSender(key, "Ada \"the\" shop", null, null).statusCode(400).body("errors[0].field", equalTo("displayName"));
        putSender(key, "x".repeat(101), null, null).statusCode(400).body("errors[0].field", equalTo("displayName"));
        putSender(key, "Ada", null, "hello@shop.example\r\nBcc: everyone@example.com")
                .statusCode(400)
                .body("errors[0].field", equalTo("replyTo"));
        putSender(key, "Ada", null, "Ada <hello@shop.example>")
                .statusCode(400)
                .body("errors[0].field", equalTo("replyTo"));
        putSender(key, "Ada", null, "a@b.example, c@d.example")
                .statusCode(400)
                .body("errors[0].field", equalTo("replyTo"));
        putSender(key, "Ada", "not-an-address", null).statusCode(400).body("errors[0].field", equalTo("fromAddress"));
    }

    @Test
    void unknownFieldsAndMalformedBodiesAreRefused() {
        given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "Ada", "bcc", "x@y.example"))
                .put("/api/v1/tenant/sender")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("bcc"));
        given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(Map.of("domain", "x.shop.example", "privateKey", "k"))
                .post("/api/v1/tenant/sending-domains")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("privateKey"));
        given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body("{\"domain\": 42")
                .post("/api/v1/tenant/sending-domains")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .put("/api/v1/tenant/sender")
                .then()
                .statusCode(400);
    }

    @Test
    void anotherBusinessCannotSeeOrChangeTheDomainsAndGets404() {
        String id =
                addDomain(key, "private.shop.example").statusCode(201).extract().path("id");
        String selector = given().auth()
                .oauth2(key)
                .get("/api/v1/tenant/sending-domains/{id}", id)
                .then()
                .extract()
                .path("keys[0].selector");
        given().auth()
                .oauth2(otherKey)
                .get("/api/v1/tenant/sending-domains/{id}", id)
                .then()
                .statusCode(404);
        verify(otherKey, id).statusCode(404);
        given().auth()
                .oauth2(otherKey)
                .post("/api/v1/tenant/sending-domains/{id}/keys", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(otherKey)
                .delete("/api/v1/tenant/sending-domains/{id}/keys/{s}", id, selector)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(otherKey)
                .delete("/api/v1/tenant/sending-domains/{id}", id)
                .then()
                .statusCode(404);
        assertThat(given().auth()
                        .oauth2(otherKey)
                        .get("/api/v1/tenant/sending-domains")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .doesNotContain("private.shop.example");
        given().auth()
                .oauth2(key)
                .get("/api/v1/tenant/sending-domains/{id}", id)
                .then()
                .statusCode(200)
                .body("keys", hasSize(1));
    }

    @Test
    void idsAndSelectorsThatCannotExistAnswer404OnEveryDomainEndpoint() {
        String id = addDomain(key, "ids.shop.example").statusCode(201).extract().path("id");
        for (String bad : List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "%27%3B--")) {
            given().auth()
                    .oauth2(key)
                    .get("/api/v1/tenant/sending-domains/" + bad)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            given().auth()
                    .oauth2(key)
                    .post("/api/v1/tenant/sending-domains/" + bad + "/verify")
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(key)
                    .post("/api/v1/tenant/sending-domains/" + bad + "/keys")
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(key)
                    .delete("/api/v1/tenant/sending-domains/" + bad + "/keys/x")
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(key)
                    .delete("/api/v1/tenant/sending-domains/" + bad)
                    .then()
                    .statusCode(404);
        }
        given().auth()
                .oauth2(key)
                .delete("/api/v1/tenant/sending-domains/{id}/keys/{s}", id, "no-such-selector")
                .then()
                .statusCode(404);
    }

    @Test
    void theOpenApiDocumentDescribesTheNewEndpoints() {
        given().get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/api/v1/tenant/sender"))
                .body(containsString("/api/v1/tenant/sending-domains/{id}/verify"))
                .body(containsString("Sending domains"));
    }

    @Test
    void withoutAKeyEveryEndpointAnswers401() {
        given().get("/api/v1/tenant/sender").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of())
                .put("/api/v1/tenant/sender")
                .then()
                .statusCode(401);
        given().get("/api/v1/tenant/sending-domains").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("domain", "x.example"))
                .post("/api/v1/tenant/sending-domains")
                .then()
                .statusCode(401);
    }

    private String newTenant() {
        return TestBus.newTenant(TestBus.companion(stack.kafka().bootstrapServers()), "t-" + TestBus.uid());
    }
}
