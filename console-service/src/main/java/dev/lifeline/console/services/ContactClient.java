package dev.lifeline.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** contact-service's admin and contacts APIs, as its README documents them. */
@ApplicationScoped
public class ContactClient {

    /** Counting pages through the list: contact-service has no count endpoint (yet), so the count stops here. */
    public static final int COUNT_CAP = 10_000;

    private static final int PAGE = 500;

    /** What the admin API answered for a new tenant; the key is shown only in this answer. */
    public record NewTenant(String id, String slug, String apiKey) {}

    /** Outcome of a tenant creation: the tenant, or that the slug is taken. */
    public sealed interface Created permits Created.Done, Created.SlugTaken {
        record Done(NewTenant tenant) implements Created {}

        record SlugTaken() implements Created {}
    }

    private final ServiceHttp http;
    private final ConsoleConfig config;

    public ContactClient(ServiceHttp http, ConsoleConfig config) {
        this.http = http;
        this.config = config;
    }

    public Created createTenant(String name, String slug, String region, String timeZone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("slug", slug);
        body.put("defaultRegion", region);
        body.put("timeZone", timeZone);
        body.put("optInMode", "double");
        ServiceHttp.Reply reply = http.post(
                config.services().contactUrl() + "/api/v1/admin/tenants",
                Map.of("X-Admin-Key", config.adminKey()),
                body);
        if (reply.status() == 409) {
            return new Created.SlugTaken();
        }
        if (reply.status() != 201) {
            throw new IllegalStateException("contact-service refused the tenant: HTTP " + reply.status() + " "
                    + reply.body().path("detail").asText(""));
        }
        JsonNode tenant = reply.body();
        return new Created.Done(new NewTenant(
                tenant.path("id").asText(),
                tenant.path("slug").asText(),
                tenant.path("apiKey").asText()));
    }

    /** Contacts with confirmed consent on a channel, counted up to {@link #COUNT_CAP}. */
    public int reachable(String apiKey, String channel) {
        int count = 0;
        String cursor = null;
        do {
            String url = config.services().contactUrl() + "/api/v1/contacts?limit=" + PAGE + "&consent="
                    + URLEncoder.encode(channel + ":confirmed", StandardCharsets.UTF_8)
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            ServiceHttp.Reply reply = http.get(url, Map.of("Authorization", "Bearer " + apiKey));
            if (!reply.ok()) {
                throw new IllegalStateException("contact-service answered HTTP " + reply.status());
            }
            count += reply.body().path("items").size();
            JsonNode next = reply.body().path("nextCursor");
            cursor = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
        } while (cursor != null && count < COUNT_CAP);
        return Math.min(count, COUNT_CAP);
    }
}
