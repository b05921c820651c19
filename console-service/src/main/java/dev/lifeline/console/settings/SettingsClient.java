package dev.lifeline.console.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.console.config.ConsoleConfig;
import dev.lifeline.console.services.Answer;
import dev.lifeline.console.services.FieldProblems;
import dev.lifeline.console.services.ServiceHttp;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The settings APIs the Settings page needs beyond the shared clients: contact-service's tenant settings (the time
 * zone) and keys ({@code /api/v1/tenant}, {@code /api/v1/tenant/keys}, which need the business's admin key, the one
 * the console holds) and outreach-service's sending domains.
 */
@ApplicationScoped
public class SettingsClient {

    /** A key's public face: never its secret, except {@code secret} in the answer that created it. */
    public record ApiKey(String id, String prefix, String scope, Instant createdAt, Instant revokedAt, String secret) {
        public boolean live() {
            return revokedAt == null;
        }
    }

    /** A sending domain and the DKIM record to publish for its newest key. */
    public record Domain(String id, String domain, boolean verified, String recordName, String recordValue) {}

    private final ServiceHttp http;
    private final ConsoleConfig config;

    public SettingsClient(ServiceHttp http, ConsoleConfig config) {
        this.http = http;
        this.config = config;
    }

    public List<ApiKey> keys(String key) {
        List<ApiKey> keys = new ArrayList<>();
        ok(http.get(contact("/api/v1/tenant/keys"), auth(key))).body().forEach(k -> keys.add(apiKey(k)));
        return keys;
    }

    public Answer<ApiKey> createKey(String key, String scope) {
        return answer(http.post(contact("/api/v1/tenant/keys"), auth(key), Map.of("scope", scope)), true);
    }

    public Answer<ApiKey> revokeKey(String key, String id) {
        return answer(http.delete(contact("/api/v1/tenant/keys/" + id), auth(key)), false);
    }

    /** The business's time zone (an IANA id), from contact-service's tenant settings ({@code GET /api/v1/tenant}). */
    public String timeZone(String key) {
        return ok(http.get(contact("/api/v1/tenant"), auth(key)))
                .body()
                .path("timeZone")
                .asText(null);
    }

    /** Changes only the time zone ({@code PATCH /api/v1/tenant}); its refusal names the field {@code timeZone}. */
    public Answer<String> changeTimeZone(String key, String zone) {
        ServiceHttp.Reply reply = http.patch(contact("/api/v1/tenant"), auth(key), Map.of("timeZone", zone));
        return reply.ok() ? Answer.of(reply.body().path("timeZone").asText(zone)) : Answer.refused(refusal(reply));
    }

    public List<Domain> domains(String key) {
        List<Domain> domains = new ArrayList<>();
        ok(http.get(outreach("/api/v1/tenant/sending-domains"), auth(key)))
                .body()
                .forEach(d -> domains.add(domain(d)));
        return domains;
    }

    public Answer<Domain> addDomain(String key, String domain) {
        ServiceHttp.Reply reply =
                http.post(outreach("/api/v1/tenant/sending-domains"), auth(key), Map.of("domain", domain));
        return reply.ok() ? Answer.of(domain(reply.body())) : Answer.refused(refusal(reply));
    }

    public Answer<Domain> verifyDomain(String key, String id) {
        ServiceHttp.Reply reply =
                http.post(outreach("/api/v1/tenant/sending-domains/" + id + "/verify"), auth(key), Map.of());
        return reply.ok() ? Answer.of(domain(reply.body())) : Answer.refused(refusal(reply));
    }

    private static Answer<ApiKey> answer(ServiceHttp.Reply reply, boolean withBody) {
        if (reply.ok()) {
            return Answer.of(withBody ? apiKey(reply.body()) : null);
        }
        return Answer.refused(refusal(reply));
    }

    private static Map<String, String> refusal(ServiceHttp.Reply reply) {
        if (reply.status() >= 500 || reply.status() == 401 || reply.status() == 403) {
            throw new IllegalStateException("a service answered HTTP " + reply.status());
        }
        return FieldProblems.of(reply);
    }

    private static ApiKey apiKey(JsonNode k) {
        return new ApiKey(
                k.path("id").asText(),
                k.path("prefix").asText(),
                k.path("scope").asText(),
                instant(k.path("createdAt")),
                instant(k.path("revokedAt")),
                k.path("apiKey").isTextual() ? k.path("apiKey").asText() : null);
    }

    private static Domain domain(JsonNode d) {
        JsonNode keys = d.path("keys");
        JsonNode record = keys.path(keys.size() - 1).path("dnsRecord");
        return new Domain(
                d.path("id").asText(),
                d.path("domain").asText(),
                d.path("verified").asBoolean(),
                record.path("name").asText(""),
                record.path("value").asText(""));
    }

    private static ServiceHttp.Reply ok(ServiceHttp.Reply reply) {
        if (!reply.ok()) {
            throw new IllegalStateException("a service answered HTTP " + reply.status());
        }
        return reply;
    }

    private String contact(String path) {
        return config.services().contactUrl() + path;
    }

    private String outreach(String path) {
        return config.services().outreachUrl() + path;
    }

    private static Map<String, String> auth(String key) {
        return Map.of("Authorization", "Bearer " + key);
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }
}
