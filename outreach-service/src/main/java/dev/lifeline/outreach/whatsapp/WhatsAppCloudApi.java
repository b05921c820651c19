package dev.lifeline.outreach.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeline.outreach.delivery.RenderedMessage;
import dev.lifeline.outreach.delivery.SendResult;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * WhatsApp Business Cloud API, Messages endpoint: {@code POST {base}/{version}/{phone-number-id}/messages} with a
 * bearer token and a JSON template message; 200 with the message's {@code wamid}, or a Graph API error object.
 */
public final class WhatsAppCloudApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String authorization;

    public WhatsAppCloudApi(String baseUrl, String apiVersion, String phoneNumberId, String accessToken) {
        this.endpoint =
                URI.create(baseUrl.replaceAll("/+$", "") + "/" + apiVersion + "/" + phoneNumberId + "/messages");
        this.authorization = "Bearer " + accessToken;
    }

    public WhatsAppAnswer send(String to, RenderedMessage.Template template) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(to, template)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new WhatsAppAnswer(
                    new SendResult.Transient("whatsapp: " + e.getClass().getSimpleName()), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WhatsAppAnswer(new SendResult.Transient("whatsapp: interrupted"), false);
        }
        return WhatsAppAnswer.classify(response.statusCode(), response.body());
    }

    /** The template message exactly as Meta documents it; a template without parameters has no components. */
    static String body(String to, RenderedMessage.Template template) {
        ObjectNode message = JSON.createObjectNode();
        message.put("messaging_product", "whatsapp");
        message.put("recipient_type", "individual");
        message.put("to", to);
        message.put("type", "template");
        ObjectNode t = message.putObject("template");
        t.put("name", template.name());
        t.putObject("language").put("code", template.language());
        if (!template.bodyParameters().isEmpty()) {
            ObjectNode body = t.putArray("components").addObject();
            body.put("type", "body");
            ArrayNode parameters = body.putArray("parameters");
            template.bodyParameters()
                    .forEach(p -> parameters.addObject().put("type", "text").put("text", p));
        }
        return message.toString();
    }
}
