package dev.lifeline.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** contact-service's admin and contacts APIs, as its README documents them. */
@ApplicationScoped
public class ContactClient {

    /** Counting pages through the list: contact-service has no count endpoint (yet), so the count stops here. */

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

    /** Contacts with confirmed consent, per channel, as contact-service counts them (one query, any list size). */
    public Map<String, Long> reachable(String apiKey) {
        ServiceHttp.Reply reply = http.get(contactsUrl() + "/counts", auth(apiKey));
        if (!reply.ok()) {
            throw new IllegalStateException("contact-service answered HTTP " + reply.status());
        }
        Map<String, Long> reachable = new LinkedHashMap<>();
        reply.body()
                .path("channels")
                .properties()
                .forEach(channel -> reachable.put(
                        channel.getKey(), channel.getValue().path("confirmed").asLong()));
        return reachable;
    }

    /** One page of the business's contacts; {@code q}, {@code tag} and {@code cursor} may be null. */
    public ServiceHttp.Reply contacts(String apiKey, String q, String tag, String cursor, int limit) {
        StringBuilder url = new StringBuilder(contactsUrl()).append("?limit=").append(limit);
        appendParam(url, "q", q);
        appendParam(url, "tag", tag);
        appendParam(url, "cursor", cursor);
        return http.get(url.toString(), auth(apiKey));
    }

    /** @param id a UUID the caller checked: it goes into the path as it is */
    public ServiceHttp.Reply contact(String apiKey, UUID id) {
        return http.get(contactsUrl() + "/" + id, auth(apiKey));
    }

    /** The consent state per channel and every ledger line behind it. */
    public ServiceHttp.Reply consentProof(String apiKey, UUID id) {
        return http.get(contactsUrl() + "/" + id + "/consents", auth(apiKey));
    }

    public ServiceHttp.Reply createContact(String apiKey, Map<String, Object> body) {
        return http.post(contactsUrl(), auth(apiKey), body);
    }

    public ServiceHttp.Reply changeContact(String apiKey, UUID id, Map<String, Object> body) {
        return http.patch(contactsUrl() + "/" + id, auth(apiKey), body);
    }

    /** Erasure (GDPR art. 17): 204, or 404 for an unknown id. */
    public ServiceHttp.Reply eraseContact(String apiKey, UUID id) {
        return http.delete(contactsUrl() + "/" + id, auth(apiKey));
    }

    /** Every contact as CSV, streamed as contact-service writes it; the caller closes the body. */
    public HttpResponse<InputStream> exportCsv(String apiKey) {
        return http.stream(contactsUrl() + "/export?format=csv", auth(apiKey));
    }

    /** Starts an import of the CSV file; {@code unknownColumns} is {@code ignore}, {@code attributes} or null. */
    public ServiceHttp.Reply startImport(String apiKey, Path csv, String unknownColumns) {
        StringBuilder url = new StringBuilder(contactsUrl()).append("/imports");
        if (unknownColumns != null) {
            url.append("?unknownColumns=").append(URLEncoder.encode(unknownColumns, StandardCharsets.UTF_8));
        }
        return http.postFile(url.toString(), auth(apiKey), "text/csv", csv);
    }

    /** @param jobId a UUID the caller checked */
    public ServiceHttp.Reply importJob(String apiKey, UUID jobId) {
        return http.get(contactsUrl() + "/imports/" + jobId, auth(apiKey));
    }

    private String contactsUrl() {
        return config.services().contactUrl() + "/api/v1/contacts";
    }

    private static void appendParam(StringBuilder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.append('&').append(name).append('=').append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    private static Map<String, String> auth(String apiKey) {
        return Map.of("Authorization", "Bearer " + apiKey);
    }
}
