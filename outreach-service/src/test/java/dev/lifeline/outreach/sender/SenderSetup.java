package dev.lifeline.outreach.sender;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** A business's sending domain and identity set up as the business would: through the API and its DNS provider. */
final class SenderSetup {

    private SenderSetup() {}

    static ValidatableResponse addDomain(String key, String domain) {
        return given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(Map.of("domain", domain))
                .post("/api/v1/tenant/sending-domains")
                .then();
    }

    static ValidatableResponse verify(String key, String id) {
        return given().auth()
                .oauth2(key)
                .post("/api/v1/tenant/sending-domains/{id}/verify", id)
                .then();
    }

    static ValidatableResponse putSender(String key, String displayName, String fromAddress, String replyTo) {
        Map<String, Object> body = new HashMap<>();
        body.put("displayName", displayName);
        body.put("fromAddress", fromAddress);
        body.put("replyTo", replyTo);
        return given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/tenant/sender")
                .then();
    }

    /** Publishes the newest key's record (as shown by the API) in the fake DNS; returns the domain's id. */
    static String publishNewest(ValidatableResponse domain) {
        var json = domain.extract().jsonPath();
        int last = json.getList("keys").size() - 1;
        FakeDns.publish(
                json.getString("keys[" + last + "].dnsRecord.name"),
                json.getString("keys[" + last + "].dnsRecord.value"));
        return json.getString("id");
    }

    /** A verified domain whose key signs; returns its id. */
    static String verifiedDomain(String key, String domain) {
        String id = publishNewest(addDomain(key, domain).statusCode(201));
        verify(key, id).statusCode(200);
        return id;
    }
}
