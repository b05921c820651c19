package dev.lifeline.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** monitor-service's public status and tenant APIs, as its README documents them. */
@ApplicationScoped
public class MonitorClient {

    /** One platform's live state. */
    public record Platform(String id, String name, String state, boolean flapping) {}

    /** An outage in the business's timeline; {@code id} is the one outreach's runs name as {@code outageId}. */
    public record TimelineOutage(
            String id,
            String platformId,
            String severity,
            String reason,
            Instant startedAt,
            Instant resolvedAt,
            boolean open,
            long durationSeconds) {}

    private final ServiceHttp http;
    private final ConsoleConfig config;

    public MonitorClient(ServiceHttp http, ConsoleConfig config) {
        this.http = http;
        this.config = config;
    }

    /** The public catalogue (every platform monitor-service watches), for the sign-up's choice of platforms. */
    public List<Platform> catalogue() {
        ServiceHttp.Reply reply = http.get(config.services().monitorUrl() + "/api/v1/status", Map.of());
        if (!reply.ok()) {
            throw new IllegalStateException("monitor-service answered HTTP " + reply.status());
        }
        return platforms(reply.body());
    }

    /** The business's platforms; empty when monitor-service does not know the business's key yet (401). */
    public Optional<List<Platform>> tenantStatus(String apiKey) {
        ServiceHttp.Reply reply = http.get(config.services().monitorUrl() + "/api/v1/tenant/status", auth(apiKey));
        if (reply.status() == 401) {
            return Optional.empty();
        }
        if (!reply.ok()) {
            throw new IllegalStateException("monitor-service answered HTTP " + reply.status());
        }
        return Optional.of(platforms(reply.body()));
    }

    /** True once set; false while monitor-service does not know the business's key yet. */
    public boolean setDependencies(String apiKey, List<String> platformIds) {
        ServiceHttp.Reply reply = http.put(
                config.services().monitorUrl() + "/api/v1/tenant/dependencies",
                auth(apiKey),
                Map.of("platformIds", platformIds));
        if (reply.status() == 401) {
            return false;
        }
        if (!reply.ok()) {
            throw new IllegalStateException("monitor-service refused the dependencies: HTTP " + reply.status());
        }
        return true;
    }

    /** The business's outages, newest first, open and resolved. */
    public List<TimelineOutage> outages(String apiKey, int limit) {
        ServiceHttp.Reply reply = http.get(
                config.services().monitorUrl() + "/api/v1/tenant/outages?state=all&limit=" + limit, auth(apiKey));
        if (!reply.ok()) {
            throw new IllegalStateException("monitor-service answered HTTP " + reply.status());
        }
        List<TimelineOutage> outages = new ArrayList<>();
        for (JsonNode o : reply.body()) {
            outages.add(new TimelineOutage(
                    o.path("id").asText(),
                    o.path("platformId").asText(),
                    o.path("severity").asText(""),
                    o.path("reason").isTextual() ? o.path("reason").asText() : null,
                    instant(o.path("startedAt")),
                    instant(o.path("resolvedAt")),
                    o.path("open").asBoolean(),
                    o.path("durationSeconds").asLong()));
        }
        return outages;
    }

    /** The platform ids the business depends on. */
    public List<String> dependencies(String apiKey) {
        ServiceHttp.Reply reply =
                http.get(config.services().monitorUrl() + "/api/v1/tenant/dependencies", auth(apiKey));
        if (!reply.ok()) {
            throw new IllegalStateException("monitor-service answered HTTP " + reply.status());
        }
        List<String> ids = new ArrayList<>();
        reply.body().forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** Replaces the dependencies; a refusal (unknown platform) comes back as messages per field. */
    public Answer<List<String>> replaceDependencies(String apiKey, List<String> platformIds) {
        ServiceHttp.Reply reply = http.put(
                config.services().monitorUrl() + "/api/v1/tenant/dependencies",
                auth(apiKey),
                Map.of("platformIds", platformIds));
        if (reply.ok()) {
            return Answer.of(platformIds);
        }
        if (reply.status() >= 500 || reply.status() == 401) {
            throw new IllegalStateException("monitor-service answered HTTP " + reply.status());
        }
        return Answer.refused(FieldProblems.of(reply));
    }

    private static Map<String, String> auth(String apiKey) {
        return Map.of("Authorization", "Bearer " + apiKey);
    }

    private static List<Platform> platforms(JsonNode list) {
        List<Platform> platforms = new ArrayList<>();
        for (JsonNode p : list) {
            platforms.add(new Platform(
                    p.path("platformId").asText(),
                    p.path("name").asText(p.path("platformId").asText()),
                    p.path("state").asText("unknown"),
                    p.path("flapping").asBoolean()));
        }
        return platforms;
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }
}
