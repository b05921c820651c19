package dev.lifeline.console.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads monitor-service's public status stream (Server-Sent Events) and hands each change's platform id on, for as
 * long as it runs: a dropped stream or a monitor that is away is tried again after {@code retry}. A plain class with
 * its own thread, so a unit test runs it against any HTTP server.
 */
public final class StatusStreamReader implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StatusStreamReader.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI stream;
    private final Duration retry;
    private final Consumer<String> changed;
    private final HttpClient http;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile InputStream body;

    public StatusStreamReader(URI stream, Duration retry, Consumer<String> changed) {
        this.stream = stream;
        this.retry = retry;
        this.changed = changed;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.thread = new Thread(this::run, "monitor-status-stream");
        this.thread.setDaemon(true);
    }

    public StatusStreamReader start() {
        thread.start();
        return this;
    }

    private void run() {
        boolean warned = false;
        while (running) {
            try {
                HttpRequest request = HttpRequest.newBuilder(stream)
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build();
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                body = response.body();
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                warned = false;
                read(body);
            } catch (IOException e) {
                // Logged once per outage of the stream: a monitor that is away would otherwise fill the log.
                if (!warned && running) {
                    LOG.warnf("monitor-service's status stream is not available (%s); trying again", e.getMessage());
                    warned = true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause();
        }
    }

    private void read(InputStream in) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while (running && (line = lines.readLine()) != null) {
            if (line.startsWith("data:")) {
                platformOf(line.substring(5).strip()).ifPresent(changed);
            }
        }
    }

    static Optional<String> platformOf(String data) {
        try {
            JsonNode change = JSON.readTree(data);
            String platform = change.path("platformId").asText("");
            return platform.isBlank() ? Optional.empty() : Optional.of(platform);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void pause() {
        try {
            Thread.sleep(retry.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        InputStream in = body;
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // Closing is how the blocked read ends; its failure changes nothing.
            }
        }
    }
}
