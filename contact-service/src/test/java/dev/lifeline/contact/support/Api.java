package dev.lifeline.contact.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test-side client of the API: a fresh tenant per test keeps tests independent on the shared database. */
public final class Api {

    public static final String ADMIN_KEY = "test-admin-key";

    private Api() {}

    public record TenantKey(String tenantId, String slug, String apiKey, String keyId) {
        public RequestSpecification as() {
            return RestAssured.given()
                    .header("Authorization", "Bearer " + apiKey)
                    .contentType(ContentType.JSON);
        }
    }

    public static RequestSpecification admin() {
        return RestAssured.given().header("X-Admin-Key", ADMIN_KEY).contentType(ContentType.JSON);
    }

    public static TenantKey newTenant() {
        return newTenant("single", "DE");
    }

    public static TenantKey newTenant(String optInMode, String region) {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 12);
        Response r = admin().body(Map.of(
                        "name",
                        "Shop " + slug,
                        "slug",
                        slug,
                        "defaultRegion",
                        region,
                        "timeZone",
                        "Europe/Berlin",
                        "optInMode",
                        optInMode,
                        "corsOrigins",
                        List.of("https://shop.example")))
                .post("/api/v1/admin/tenants");
        r.then().statusCode(201);
        return new TenantKey(r.path("id"), slug, r.path("apiKey"), r.path("apiKeyId"));
    }

    /** The sample contact of the API walkthrough, with the given e-mail address. */
    public static Map<String, Object> ada(String email) {
        return Map.of(
                "name",
                "Ada Lovelace",
                "email",
                email,
                "phone",
                "+49 151 12345678",
                "consents",
                Map.of("email", true, "sms", false),
                "consentText",
                "Yes, e-mail me if Instagram is down",
                "tags",
                List.of("vip"));
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
