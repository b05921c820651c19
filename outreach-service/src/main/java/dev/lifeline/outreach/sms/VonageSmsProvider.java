package dev.lifeline.outreach.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.outreach.delivery.SendResult;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * Vonage's SMS API: {@code POST /sms/json}, form-encoded {@code api_key}, {@code api_secret}, {@code from}, {@code to}
 * (international digits, no plus) and {@code text} ({@code type=unicode} beyond GSM-7). The answer is 200 with a
 * {@code messages} array whose {@code status} is "0" and a {@code message-id} on success, or an error status and
 * {@code error-text}.
 */
public final class VonageSmsProvider implements SmsProvider {

    /** Try again: throttled, internal error, too many binds, communication failure. */
    static final Set<String> TRANSIENT = Set.of("1", "5", "10", "13");
    /** The number cannot take SMS: unroutable prefix, barred (blocked by the recipient or the network). */
    static final Set<String> BAD_NUMBER = Set.of("6", "7");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String apiKey;
    private final String apiSecret;
    private final String from;

    public VonageSmsProvider(String baseUrl, String apiKey, String apiSecret, String from) {
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/sms/json");
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.from = from;
    }

    @Override
    public SendResult send(String toE164, String body) {
        String form = "api_key=" + enc(apiKey) + "&api_secret=" + enc(apiSecret) + "&from=" + enc(digits(from))
                + "&to=" + enc(digits(toE164)) + "&text=" + enc(body)
                + ("UCS-2".equals(SmsSegments.of(body).encoding()) ? "&type=unicode" : "");
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return classify(response.statusCode(), response.body());
        } catch (IOException e) {
            return new SendResult.Transient("vonage: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Transient("vonage: interrupted");
        }
    }

    static SendResult classify(int httpStatus, String body) {
        if (httpStatus == 429 || httpStatus >= 500) {
            return new SendResult.Transient("vonage HTTP " + httpStatus);
        }
        JsonNode message = parse(body).path("messages").path(0);
        String status = message.path("status").asText("");
        if (httpStatus == 200 && "0".equals(status)) {
            return new SendResult.Sent(message.path("message-id").asText(null));
        }
        String error = "vonage HTTP " + httpStatus + (status.isEmpty() ? "" : " status " + status);
        if (TRANSIENT.contains(status)) {
            return new SendResult.Transient(error);
        }
        return new SendResult.Permanent(error, BAD_NUMBER.contains(status));
    }

    /** Vonage takes international numbers as digits only. */
    private static String digits(String number) {
        return number == null ? "" : number.startsWith("+") ? number.substring(1) : number;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
