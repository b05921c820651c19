package dev.lifeline.console.services;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** outreach-service's JSON read into the console's records, kept apart from the calls that fetch it. */
final class OutreachJson {

    private OutreachJson() {}

    static OutreachClient.Sender sender(JsonNode n) {
        return new OutreachClient.Sender(
                text(n.path("displayName")),
                text(n.path("fromAddress")),
                text(n.path("replyTo")),
                text(n.path("from")));
    }

    static OutreachClient.Campaign campaign(JsonNode n) {
        JsonNode quiet = n.path("quietHours");
        return new OutreachClient.Campaign(
                n.path("id").asText(),
                n.path("name").asText(),
                n.path("platformId").asText(),
                n.path("channel").asText().toLowerCase(),
                n.path("kind").asText("outage").toLowerCase(),
                text(n.path("subject")),
                text(n.path("textBody")),
                text(n.path("htmlBody")),
                n.path("gracePeriod").asText("PT2M"),
                text(quiet.path("start")),
                text(quiet.path("end")),
                n.path("active").asBoolean(true),
                whatsappTemplate(n.path("whatsappTemplate")),
                text(n.path("webhookUrl")),
                n.path("webhookSecretSet").asBoolean(false));
    }

    /** {@code whatsappTemplate{name, language, bodyParameters}}, or null when the campaign has none. */
    static OutreachClient.WhatsAppTemplate whatsappTemplate(JsonNode n) {
        if (!n.isObject()) {
            return null;
        }
        List<String> parameters = new ArrayList<>();
        n.path("bodyParameters").forEach(p -> parameters.add(p.asText()));
        return new OutreachClient.WhatsAppTemplate(
                n.path("name").asText(""), n.path("language").asText(""), List.copyOf(parameters));
    }

    static OutreachClient.Run run(JsonNode n) {
        return new OutreachClient.Run(
                n.path("id").asText(),
                n.path("campaignId").asText(),
                text(n.path("outageId")),
                text(n.path("platformId")),
                n.path("trigger").asText(),
                n.path("status").asText(),
                n.path("dryRun").asBoolean(),
                n.path("audience").isInt() ? n.path("audience").asInt() : null,
                n.path("queued").asInt(),
                n.path("deferred").asInt(),
                n.path("sending").asInt(),
                n.path("sent").asInt(),
                n.path("failed").asInt(),
                n.path("bounced").asInt(),
                n.path("cancelled").asInt(),
                n.path("delivered").asInt(),
                n.path("undelivered").asInt(),
                n.path("complained").asInt(),
                instant(n.path("createdAt")),
                instant(n.path("finishedAt")));
    }

    static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }
}
