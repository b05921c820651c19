package dev.lifeline.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * JSON over HTTP to the services' public APIs. The console depends on their documented REST answers only (read as
 * trees, not as their classes), so a service can change its internals without the console noticing.
 */
@ApplicationScoped
public class ServiceHttp {

    /** A service's answer: status and body (a missing node when it was not JSON). */
    public record Reply(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final ObjectMapper json;
    private final Duration timeout;

    public ServiceHttp(ConsoleConfig config, ObjectMapper json) {
        this.timeout = config.services().timeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.json = json;
    }

    public Reply get(String url, Map<String, String> headers) {
        return send(builder(url, headers).GET());
    }

    public Reply post(String url, Map<String, String> headers, Object body) {
        return send(builder(url, headers).POST(jsonBody(body)));
    }

    public Reply put(String url, Map<String, String> headers, Object body) {
        return send(builder(url, headers).PUT(jsonBody(body)));
    }

    public Reply patch(String url, Map<String, String> headers, Object body) {
        return send(builder(url, headers).method("PATCH", jsonBody(body)));
    }

    public Reply delete(String url, Map<String, String> headers) {
        return send(builder(url, headers).DELETE());
    }

    /** Posts a file as it is (e.g. a CSV upload), without reading it into memory. */
    public Reply postFile(String url, Map<String, String> headers, String contentType, Path file) {
        try {
            return send(builder(url, headers).POST(HttpRequest.BodyPublishers.ofFile(file)), contentType);
        } catch (FileNotFoundException e) {
            throw new IllegalStateException("upload spool file is gone", e);
        }
    }

    /**
     * A GET whose answer is streamed to the caller (e.g. an export of every contact): the caller closes the body. No
     * request timeout: a large export may take longer than an API call, the connect timeout still applies.
     */
    public HttpResponse<InputStream> stream(String url, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ServiceUnavailableException(
                    request.uri().getHost() + ":" + request.uri().getPort(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted", e);
        }
    }

    private HttpRequest.Builder builder(String url, Map<String, String> headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json");
        headers.forEach(builder::header);
        return builder;
    }

    private HttpRequest.BodyPublisher jsonBody(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write request body", e);
        }
    }

    private Reply send(HttpRequest.Builder builder) {
        return send(builder, "application/json");
    }

    private Reply send(HttpRequest.Builder builder, String contentType) {
        HttpRequest request = builder.header("Content-Type", contentType).build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body;
            try {
                body = response.body().length == 0 ? json.missingNode() : json.readTree(response.body());
            } catch (IOException notJson) {
                body = json.missingNode();
            }
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            throw new ServiceUnavailableException(
                    request.uri().getHost() + ":" + request.uri().getPort(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted", e);
        }
    }
}
