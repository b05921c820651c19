package dev.lifeline.contact.profile;

import dev.lifeline.contact.support.Api;
import dev.lifeline.events.EventCodec;
import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ContactErased;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.localstack.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ContactLifecycleTest {

    @InjectLocalStack
    LocalStack stack;

    private static String create(Api.TenantKey tenant, Map<String, Object> body) {
        return tenant.as()
                .body(body)
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void patchChangesFieldsAndWithdrawsConsent() {
        Api.TenantKey tenant = Api.newTenant();
        String id = create(tenant, Api.ada("ada@example.com"));
        tenant.as()
                .body(Map.of(
                        "name",
                        "Ada King",
                        "tags",
                        List.of("gold"),
                        "consents",
                        Map.of("email", false, "sms", true),
                        "channelOrder",
                        List.of("sms", "email"),
                        "attributes",
                        Map.of("shoeSize", 38)))
                .patch("/api/v1/contacts/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Ada King"))
                .body("email", equalTo("ada@example.com"))
                .body("tags", equalTo(List.of("gold")))
                .body("consents.email", equalTo("withdrawn"))
                .body("consents.sms", equalTo("confirmed"))
                .body("channelOrder", equalTo(List.of("sms", "email")))
                .body("attributes.shoeSize", equalTo(38))
                .body("version", equalTo(2));
        tenant.as()
                .get("/api/v1/contacts/" + id + "/consents")
                .then()
                .statusCode(200)
                .body("events.action", equalTo(List.of("granted", "withdrawn", "granted")))
                .body("events[0].source", equalTo("api"))
                .body("events[0].consentText", equalTo("Yes, e-mail me if Instagram is down"));
    }

    @Test
    void patchRejectsBadInputAndAnotherContactsAddress() {
        Api.TenantKey tenant = Api.newTenant();
        String id = create(tenant, Map.of("email", "one@example.com"));
        create(tenant, Map.of("email", "two@example.com"));
        tenant.as()
                .body(Map.of("email", "two@example.com"))
                .patch("/api/v1/contacts/" + id)
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("email"));
        tenant.as()
                .body(Map.of("phone", "abc"))
                .patch("/api/v1/contacts/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("phone"));
        tenant.as()
                .body(Map.of("timeZone", "Nowhere/Land"))
                .patch("/api/v1/contacts/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("timeZone"));
        tenant.as().body("{\"name\": 5,").patch("/api/v1/contacts/" + id).then().statusCode(400);
        tenant.as()
                .get("/api/v1/contacts/" + id)
                .then()
                .body("email", equalTo("one@example.com"))
                .body("version", equalTo(1));
    }

    @Test
    void listPagesWithACursorAndFilters() {
        Api.TenantKey tenant = Api.newTenant();
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            all.add(create(
                    tenant,
                    Map.of(
                            "name",
                            "Person " + i,
                            "email",
                            "p" + i + "@example.com",
                            "tags",
                            i % 2 == 0 ? List.of("even") : List.of("odd"),
                            "consents",
                            Map.of("email", i < 3))));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var spec = tenant.as().queryParam("limit", 3);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            Response page = spec.get("/api/v1/contacts");
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSize(7).containsExactlyInAnyOrderElementsOf(all);

        tenant.as().queryParam("tag", "even").get("/api/v1/contacts").then().body("items", hasSize(4));
        tenant.as()
                .queryParam("consent", "email:confirmed")
                .get("/api/v1/contacts")
                .then()
                .body("items", hasSize(3));
        tenant.as()
                .queryParam("consent", "email:none")
                .queryParam("tag", "odd")
                .get("/api/v1/contacts")
                .then()
                .body("items", hasSize(2));
        tenant.as()
                .queryParam("q", "p5@")
                .get("/api/v1/contacts")
                .then()
                .body("items.name", equalTo(List.of("Person 5")));
        tenant.as().queryParam("q", "person").get("/api/v1/contacts").then().body("items", hasSize(7));
        tenant.as()
                .queryParam("updatedSince", "2999-01-01T00:00:00Z")
                .get("/api/v1/contacts")
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void listRejectsBadParameters() {
        Api.TenantKey tenant = Api.newTenant();
        tenant.as()
                .queryParam("limit", 0)
                .get("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("limit"));
        tenant.as()
                .queryParam("cursor", "%%%")
                .get("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("cursor"));
        tenant.as()
                .queryParam("consent", "email:maybe")
                .get("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("consent"));
        tenant.as()
                .queryParam("updatedSince", "yesterday")
                .get("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("updatedSince"));
    }

    @Test
    void eraseRemovesPersonalDataKeepsAnonymisedProofAndPurgesDownstream() {
        Api.TenantKey tenant = Api.newTenant();
        String id = create(tenant, Api.ada("erase-me@example.com"));
        tenant.as().delete("/api/v1/contacts/" + id).then().statusCode(204);

        tenant.as().get("/api/v1/contacts/" + id).then().statusCode(404);
        tenant.as().delete("/api/v1/contacts/" + id).then().statusCode(404);
        tenant.as()
                .get("/api/v1/contacts/" + id + "/consents")
                .then()
                .statusCode(200)
                .body("erased", equalTo(true))
                .body("current.email", equalTo("withdrawn"))
                .body("events.action", equalTo(List.of("granted", "erased")))
                .body("events[0].consentText", equalTo("Yes, e-mail me if Instagram is down"))
                .body("events[0].ip", nullValue());
        // The address is free again: a new sign-up is a new contact.
        String again = create(tenant, Map.of("email", "erase-me@example.com"));
        assertThat(again).isNotEqualTo(id);

        var records = TopicReader.await(stack.kafka().bootstrapServers(), Topics.CONTACTS, r -> id.equals(r.key()), 3);
        assertThat(records).hasSize(3);
        assertThat(TopicReader.header(records.get(1), "ce_type")).isEqualTo("dev.lifeline.contact.erased");
        assertThat(EventCodec.decode(records.get(1).value(), ContactErased.class)
                        .contactId())
                .isEqualTo(id);
        assertThat(records.get(2).value()).isNull();
        assertThat(records.get(0).value()).contains("erase-me@example.com");
        assertThat(records.get(1).value()).doesNotContain("erase-me");
    }

    @Test
    void everyEndpointHidesAnotherTenantsContact() {
        Api.TenantKey owner = Api.newTenant();
        Api.TenantKey intruder = Api.newTenant();
        String id = create(owner, Api.ada("private@example.com"));

        intruder.as().get("/api/v1/contacts/" + id).then().statusCode(404);
        intruder.as().get("/api/v1/contacts/" + id + "/consents").then().statusCode(404);
        intruder.as()
                .body(Map.of("name", "Mallory"))
                .patch("/api/v1/contacts/" + id)
                .then()
                .statusCode(404);
        intruder.as().delete("/api/v1/contacts/" + id).then().statusCode(404);
        intruder.as().get("/api/v1/contacts").then().statusCode(200).body("items", hasSize(0));
        intruder.as().queryParam("q", "private").get("/api/v1/contacts").then().body("items", hasSize(0));

        owner.as()
                .get("/api/v1/contacts/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Ada Lovelace"))
                .body("version", equalTo(1));
        owner.as().get("/api/v1/contacts").then().body("items", hasSize(1));
    }

    @Test
    void bodiesOverTheLimitAre413() {
        Api.TenantKey tenant = Api.newTenant();
        String huge = "{\"email\":\"big@example.com\",\"name\":\"" + "x".repeat(70_000) + "\"}";
        tenant.as().body(huge).post("/api/v1/contacts").then().statusCode(413).contentType("application/problem+json");
        tenant.as().get("/api/v1/contacts").then().body("items", hasSize(0));
    }
}
