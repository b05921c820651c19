package dev.lifeline.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Plain HTTP with JSON, as any client of Lifeline's REST APIs would talk to it. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response; {@code body} is the parsed JSON, or a null node when the body is empty or not JSON. */
    public record Reply(int status, JsonNode body, String raw, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }
    }

    private Http() {}

    public static Reply post(String url, Map<String, String> headers, Object body) {
        return send("POST", url, headers, "application/json", json(body));
    }

    public static Reply patch(String url, Map<String, String> headers, Object body) {
        return send("PATCH", url, headers, "application/json", json(body));
    }

    public static Reply get(String url, Map<String, String> headers) {
        return send("GET", url, headers, null, null);
    }

    public static Reply delete(String url, Map<String, String> headers) {
        return send("DELETE", url, headers, null, null);
    }

    /** Any method with any body as it is, for clients that send something else than well-formed JSON. */
    public static Reply send(String method, String url, Map<String, String> headers, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.nullNode() : parseOrNull(response.body());
            return new Reply(
                    response.statusCode(),
                    json,
                    response.body(),
                    response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode parseOrNull(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }
}
