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
import java.util.Base64;
import java.util.Set;

/**
 * Twilio Programmable Messaging: {@code POST /2010-04-01/Accounts/{sid}/Messages.json}, form-encoded To/From/Body,
 * HTTP Basic with account SID and auth token; 201 with the message {@code sid}, or an error JSON with a numeric
 * {@code code}.
 */
public final class TwilioSmsProvider implements SmsProvider {

    /** Twilio codes that mean this number will never take the message: invalid, not a mobile, opted out (STOP). */
    static final Set<Integer> BAD_NUMBER = Set.of(21211, 21214, 21217, 21407, 21408, 21610, 21612, 21614);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String authorization;
    private final String from;
    private final String statusCallback;

    /** @param statusCallback where Twilio posts the message's delivery receipts ({@link TwilioStatusResource}) */
    public TwilioSmsProvider(String baseUrl, String accountSid, String authToken, String from, String statusCallback) {
        this.endpoint =
                URI.create(baseUrl.replaceAll("/+$", "") + "/2010-04-01/Accounts/" + accountSid + "/Messages.json");
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.from = from;
        this.statusCallback = statusCallback;
    }

    @Override
    public SendResult send(String to, String body) {
        String form = "To=" + enc(to) + "&From=" + enc(from) + "&Body=" + enc(body) + "&StatusCallback="
                + enc(statusCallback);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new SendResult.Transient("twilio: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Transient("twilio: interrupted");
        }
        return classify(response.statusCode(), response.body());
    }

    static SendResult classify(int status, String body) {
        JsonNode json = parse(body);
        if (status == 200 || status == 201) {
            String sid = json == null ? null : json.path("sid").asText(null);
            return new SendResult.Sent(sid);
        }
        int code = json == null ? 0 : json.path("code").asInt(0);
        String error = "twilio HTTP " + status + (code == 0 ? "" : " code " + code);
        if (status == 429 || status >= 500) {
            return new SendResult.Transient(error);
        }
        return new SendResult.Permanent(error, BAD_NUMBER.contains(code));
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
