package dev.lifeline.contact.profile;

import dev.lifeline.contact.support.Api;
import dev.lifeline.events.EventCodec;
import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.contact.ContactUpserted;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.localstack.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ContactApiTest {

    @InjectLocalStack
    LocalStack stack;

    @Test
    void createsNormalisedContactWithConfirmedConsentAndPublishesIt() {
        Api.TenantKey tenant = Api.newTenant();
        Response created = tenant.as().body(Api.ada("Ada@Example.com")).post("/api/v1/contacts");
        created.then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/contacts/" + created.path("id")))
                .header(ContactResource.MERGED_HEADER, nullValue())
                .body("name", equalTo("Ada Lovelace"))
                .body("email", equalTo("ada@example.com"))
                .body("phone", equalTo("+4915112345678"))
                .body("consents.email", equalTo("confirmed"))
                .body("consents.sms", equalTo("none"))
                .body("tags", equalTo(List.of("vip")));
        String id = created.path("id");

        tenant.as().get("/api/v1/contacts/" + id).then().statusCode(200).body("email", equalTo("ada@example.com"));

        var records = TopicReader.await(stack.kafka().bootstrapServers(), Topics.CONTACTS, r -> id.equals(r.key()), 1);
        assertThat(records).hasSize(1);
        assertThat(TopicReader.header(records.get(0), "ce_type")).isEqualTo("dev.lifeline.contact.upserted");
        // CloudEvents' Kafka binding, binary mode: the data content type in content-type only, and the schema named.
        assertThat(TopicReader.header(records.get(0), "content-type")).isEqualTo("application/json");
        assertThat(records.get(0).headers().headers("ce_datacontenttype")).isEmpty();
        assertThat(TopicReader.header(records.get(0), "ce_dataschema"))
                .isEqualTo("https://lifeline.dev/schemas/contact/ContactUpserted.schema.json");
        ContactUpserted event = EventCodec.decode(records.get(0).value(), ContactUpserted.class);
        assertThat(event.tenantId()).isEqualTo(tenant.tenantId());
        assertThat(event.email()).isEqualTo("ada@example.com");
        assertThat(event.phone()).isEqualTo("+4915112345678");
        assertThat(event.consent(ContactChannel.EMAIL)).isEqualTo(ConsentStatus.CONFIRMED);
        assertThat(event.version()).isEqualTo(1);
    }

    @Test
    void localNumbersAreReadWithTheTenantsRegion() {
        Api.TenantKey german = Api.newTenant("single", "DE");
        german.as()
                .body(Map.of("phone", "0151 12345678"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .body("phone", equalTo("+4915112345678"));
        Api.TenantKey british = Api.newTenant("single", "GB");
        british.as()
                .body(Map.of("phone", "07400 123456"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .body("phone", equalTo("+447400123456"));
    }

    @Test
    void aSecondCreateWithTheSameEmailOrPhoneMergesInsteadOfDuplicating() {
        Api.TenantKey tenant = Api.newTenant();
        String id = tenant.as()
                .body(Api.ada("ada@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        tenant.as()
                .body(Map.of("email", "  ADA@example.COM ", "tags", List.of("newsletter"), "locale", "en-GB"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(200)
                .header(ContactResource.MERGED_HEADER, "true")
                .body("id", equalTo(id))
                .body("tags", equalTo(List.of("vip", "newsletter")))
                .body("locale", equalTo("en-GB"))
                .body("phone", equalTo("+4915112345678"));

        tenant.as()
                .body(Map.of("phone", "0151/1234-5678", "consents", Map.of("sms", true)))
                .post("/api/v1/contacts")
                .then()
                .statusCode(200)
                .header(ContactResource.MERGED_HEADER, "true")
                .body("id", equalTo(id))
                .body("consents.sms", equalTo("confirmed"))
                .body("version", equalTo(3));
    }

    @Test
    void theSameAddressAtTwoTenantsIsTwoContacts() {
        Api.TenantKey a = Api.newTenant();
        Api.TenantKey b = Api.newTenant();
        String idA = a.as().body(Api.ada("same@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String idB = b.as().body(Api.ada("same@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(idA).isNotEqualTo(idB);
    }

    @Test
    void anotherTenantsContactIsNotFound() {
        Api.TenantKey owner = Api.newTenant();
        Api.TenantKey other = Api.newTenant();
        String id = owner.as()
                .body(Api.ada("mine@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        other.as().get("/api/v1/contacts/" + id).then().statusCode(404).contentType("application/problem+json");
        other.as().get("/api/v1/contacts/" + UUID.randomUUID()).then().statusCode(404);
        other.as().get("/api/v1/contacts/not-an-id").then().statusCode(404);
        // Creating the same e-mail at the other tenant neither merges into nor reveals the owner's contact.
        other.as()
                .body(Map.of("email", "mine@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .body("name", nullValue());
    }

    @Test
    void tenantKeyIsRequired() {
        RestAssured.given()
                .contentType("application/json")
                .body(Api.ada("x@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        RestAssured.given()
                .auth()
                .oauth2("ll_notakey")
                .contentType("application/json")
                .body(Api.ada("x@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(401);
        RestAssured.given().get("/api/v1/contacts/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void invalidEmailAndPhoneAreRejectedNamingTheField() {
        Api.TenantKey tenant = Api.newTenant();
        tenant.as()
                .body(Map.of("email", "ada@", "phone", "+49 151 12345678"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("email"));
        tenant.as()
                .body(Map.of("email", "ada@example.com", "phone", "12"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("phone"));
        tenant.as()
                .body(Map.of("name", "No way to reach"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("email"));
        tenant.as()
                .body(Map.of("phone", "+4915112345678", "consents", Map.of("email", true)))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("consents.email"));
        // Nothing was stored by any of them.
        tenant.as()
                .body(Map.of("email", "ada@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201);
    }

    @Test
    void malformedJsonUnknownFieldsAndWrongTypesAreProblems() {
        Api.TenantKey tenant = Api.newTenant();
        tenant.as()
                .body("{\"email\": \"ada@example.com\",")
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        tenant.as()
                .body(Map.of("email", "ada@example.com", "favouriteColour", "blue"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("favouriteColour"));
        tenant.as()
                .body(Map.of("email", "ada@example.com", "tags", "vip"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("tags"));
        tenant.as()
                .body(Map.of("email", "ada@example.com", "consents", Map.of("email", "maybe")))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("consents.email"));
        tenant.as().body("").post("/api/v1/contacts").then().statusCode(400);
    }

    @Test
    void aNameWithALineBreakAndAnAttributeNumberOutOfRangeAreRefusedNotStoredChanged() {
        Api.TenantKey tenant = Api.newTenant();
        tenant.as()
                .body(Map.of("name", "Ada\r\nBcc: all@example.com", "email", "ada@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
        tenant.as()
                .body("{\"email\":\"ada@example.com\",\"attributes\":{\"size\":1e999999}}")
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("attributes.size"));
        // Neither stored anything: the address is free for a good create, whose large finite number stays a number.
        tenant.as()
                .body("{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\",\"attributes\":{\"size\":1e300}}")
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .body("name", equalTo("Ada Lovelace"))
                .body(containsString("\"size\":1.0E300"));
    }
}
