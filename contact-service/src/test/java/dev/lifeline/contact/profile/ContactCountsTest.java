package dev.lifeline.contact.profile;

import dev.lifeline.contact.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ContactCountsTest {

    @Test
    void countsAreTheBusinesssOwnPerChannelAndStateAndLeaveErasedContactsOut() {
        Api.TenantKey shop = Api.newTenant();
        Api.TenantKey other = Api.newTenant();
        create(shop, "a", Map.of("email", true, "sms", true));
        create(shop, "b", Map.of("email", true));
        create(shop, "c", Map.of("sms", true));
        String erased = create(shop, "d", Map.of("email", true));
        create(other, "e", Map.of("email", true));
        shop.as().delete("/api/v1/contacts/" + erased).then().statusCode(204);

        shop.as()
                .get("/api/v1/contacts/counts")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("channels.email.confirmed", equalTo(2))
                .body("channels.email.none", equalTo(1))
                .body("channels.sms.confirmed", equalTo(2))
                .body("channels.sms.none", equalTo(1))
                .body("channels.whatsapp.none", equalTo(3))
                .body("channels.whatsapp.confirmed", equalTo(0));
        other.as().get("/api/v1/contacts/counts").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void countsNeedTheBusinesssKey() {
        RestAssured.given().get("/api/v1/contacts/counts").then().statusCode(401);
        RestAssured.given()
                .header("Authorization", "Bearer ll_not-a-key")
                .get("/api/v1/contacts/counts")
                .then()
                .statusCode(401);
    }

    private static String create(Api.TenantKey tenant, String name, Map<String, Boolean> consents) {
        return tenant.as()
                .body(Map.of(
                        "name",
                        name,
                        "email",
                        name + "-" + Api.unique() + "@example.com",
                        "phone",
                        "+49 151 " + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)),
                        "consents",
                        consents))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
