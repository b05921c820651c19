package dev.lifeline.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** outreach-service's campaign, run and sender APIs, as its README documents them; always as the business. */
@ApplicationScoped
public class OutreachClient {

    /**
     * A campaign as outreach shows it; {@code quietStart}/{@code quietEnd} "HH:mm[:ss]" or null. Outreach never shows
     * a webhook's secret, only whether one is set.
     */
    public record Campaign(
            String id,
            String name,
            String platformId,
            String channel,
            String kind,
            String subject,
            String textBody,
            String htmlBody,
            String gracePeriod,
            String quietStart,
            String quietEnd,
            boolean active,
            WhatsAppTemplate whatsappTemplate,
            String webhookUrl,
            boolean webhookSecretSet) {

        /** The channel as the owner reads it in the list. */
        public String channelName() {
            return switch (channel) {
                case "email" -> "E-mail";
                case "sms" -> "SMS";
                case "whatsapp" -> "WhatsApp";
                case "webhook" -> "Webhook";
                default -> channel;
            };
        }
    }

    /** A WhatsApp campaign's Meta-approved template: its name, language code and body parameters in order. */
    public record WhatsAppTemplate(String name, String language, List<String> bodyParameters) {}

    /** A run's counts: the ledger's states add up to the audience; the receipts come on top. */
    public record Run(
            String id,
            String campaignId,
            String outageId,
            String platformId,
            String trigger,
            String status,
            boolean dryRun,
            Integer audience,
            int queued,
            int deferred,
            int sending,
            int sent,
            int failed,
            int bounced,
            int cancelled,
            int delivered,
            int undelivered,
            int complained,
            Instant createdAt,
            Instant finishedAt) {

        /** Still sending or waiting for its grace period: the page keeps refreshing it. */
        public boolean live() {
            return "scheduled".equals(status) || "dispatched".equals(status);
        }
    }

    /** A campaign's runs summed. */
    public record Totals(int runs, int sent, int delivered, int bounced, int failed, int complained) {}

    /** One recipient's delivery; the contact's id only (outreach shows no address here). */
    public record Delivery(
            String contactId, String channel, String state, int attempts, String lastError, Instant updatedAt) {}

    /** A campaign rendered for one contact; for WhatsApp its template with the parameters filled in. */
    public record Preview(
            String subject,
            String text,
            String html,
            String smsEncoding,
            Integer smsSegments,
            WhatsAppTemplate whatsappTemplate) {}

    /** The business as the sender of its mail; {@code from} is the From header as sent. */
    public record Sender(String displayName, String fromAddress, String replyTo, String from) {}

    private final ServiceHttp http;
    private final ConsoleConfig config;

    public OutreachClient(ServiceHttp http, ConsoleConfig config) {
        this.http = http;
        this.config = config;
    }

    public List<Campaign> campaigns(String key) {
        return list(get(key, "/api/v1/campaigns"), OutreachJson::campaign);
    }

    public Optional<Campaign> campaign(String key, String id) {
        ServiceHttp.Reply reply = http.get(url("/api/v1/campaigns/" + id), auth(key));
        return reply.status() == 404
                ? Optional.empty()
                : Optional.of(OutreachJson.campaign(ok(reply).body()));
    }

    public Answer<Campaign> create(String key, Map<String, Object> body) {
        return written(http.post(url("/api/v1/campaigns"), auth(key), body), OutreachJson::campaign);
    }

    public Answer<Campaign> replace(String key, String id, Map<String, Object> body) {
        return written(http.put(url("/api/v1/campaigns/" + id), auth(key), body), OutreachJson::campaign);
    }

    public Answer<Preview> preview(String key, String campaignId, String contactId) {
        Map<String, Object> body = contactId == null ? Map.of() : Map.of("contactId", contactId);
        return written(
                http.post(url("/api/v1/campaigns/" + campaignId + "/preview"), auth(key), body),
                n -> new Preview(
                        OutreachJson.text(n.path("subject")),
                        OutreachJson.text(n.path("text")),
                        OutreachJson.text(n.path("html")),
                        OutreachJson.text(n.path("smsSegments").path("encoding")),
                        n.path("smsSegments").isObject()
                                ? n.path("smsSegments").path("segments").asInt()
                                : null,
                        OutreachJson.whatsappTemplate(n.path("whatsappTemplate"))));
    }

    /** What became of a test send: {@code status} sent, refused or failed, with the provider's words. */
    public record TestSend(String to, String status, String detail) {}

    /** Sends the campaign once to {@code to} (the owner), outside any outage; refusals name the field "to". */
    public Answer<TestSend> testSend(String key, String campaignId, String to) {
        return written(
                http.post(url("/api/v1/campaigns/" + campaignId + "/test-send"), auth(key), Map.of("to", to)),
                n -> new TestSend(
                        OutreachJson.text(n.path("to")),
                        OutreachJson.text(n.path("status")),
                        OutreachJson.text(n.path("detail"))));
    }

    /** A dry run: outreach counts the campaign's audience without sending; read the count from {@link #run}. */
    public Answer<Run> dryRun(String key, String campaignId, String platformId) {
        Map<String, Object> body =
                platformId == null ? Map.of("dryRun", true) : Map.of("dryRun", true, "platformId", platformId);
        return written(http.post(url("/api/v1/campaigns/" + campaignId + "/runs"), auth(key), body), OutreachJson::run);
    }

    public List<Run> runs(String key, String campaignId) {
        return list(get(key, "/api/v1/campaigns/" + campaignId + "/runs"), OutreachJson::run);
    }

    public Totals totals(String key, String campaignId) {
        JsonNode t = get(key, "/api/v1/campaigns/" + campaignId + "/runs/totals");
        return new Totals(
                t.path("runs").asInt(),
                t.path("sent").asInt(),
                t.path("delivered").asInt(),
                t.path("bounced").asInt(),
                t.path("failed").asInt(),
                t.path("complained").asInt());
    }

    public Optional<Run> run(String key, String runId) {
        ServiceHttp.Reply reply = http.get(url("/api/v1/runs/" + runId), auth(key));
        return reply.status() == 404
                ? Optional.empty()
                : Optional.of(OutreachJson.run(ok(reply).body()));
    }

    public Answer<Run> cancel(String key, String runId) {
        return written(http.post(url("/api/v1/runs/" + runId + "/cancel"), auth(key), Map.of()), OutreachJson::run);
    }

    public List<Delivery> deliveries(String key, String runId, int limit, int offset) {
        return list(
                get(key, "/api/v1/runs/" + runId + "/deliveries?limit=" + limit + "&offset=" + offset),
                n -> new Delivery(
                        n.path("contactId").asText(),
                        n.path("channel").asText(),
                        n.path("state").asText(),
                        n.path("attempts").asInt(),
                        OutreachJson.text(n.path("lastError")),
                        OutreachJson.instant(n.path("updatedAt"))));
    }

    public Sender sender(String key) {
        return OutreachJson.sender(get(key, "/api/v1/tenant/sender"));
    }

    public Answer<Sender> replaceSender(String key, Map<String, Object> body) {
        return written(http.put(url("/api/v1/tenant/sender"), auth(key), body), OutreachJson::sender);
    }

    private JsonNode get(String key, String path) {
        return ok(http.get(url(path), auth(key))).body();
    }

    private static ServiceHttp.Reply ok(ServiceHttp.Reply reply) {
        if (!reply.ok()) {
            throw new IllegalStateException("outreach-service answered HTTP " + reply.status());
        }
        return reply;
    }

    private static <T> Answer<T> written(ServiceHttp.Reply reply, Function<JsonNode, T> read) {
        if (reply.ok()) {
            return Answer.of(read.apply(reply.body()));
        }
        if (reply.status() >= 500 || reply.status() == 401) {
            throw new IllegalStateException("outreach-service answered HTTP " + reply.status());
        }
        return Answer.refused(FieldProblems.of(reply));
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
        List<T> items = new ArrayList<>();
        array.forEach(n -> items.add(read.apply(n)));
        return items;
    }

    private String url(String path) {
        return config.services().outreachUrl() + path;
    }

    private static Map<String, String> auth(String key) {
        return Map.of("Authorization", "Bearer " + key);
    }
}
