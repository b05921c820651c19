package dev.lifeline.localstack.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A stand-in for the platforms we watch, so that outages can be rehearsed without the internet. Per platform id it
 * serves
 * <ul>
 *   <li>{@code GET /platforms/{id}/health} — a plain HTTP endpoint</li>
 *   <li>{@code GET /platforms/{id}/api/v2/status.json} and {@code summary.json} — Atlassian Statuspage style</li>
 *   <li>{@code GET /platforms/{id}/meta/status.json} — Meta status style (an org list)</li>
 * </ul>
 * and {@code POST /simulator/platforms/{id}?mode=up|slow|5xx|timeout|garbage|flapping|degraded|maintenance[&period=10s][&slow=3s]} switches
 * one; {@code GET /simulator/platforms} lists them; {@code POST /simulator/reset} puts every platform back up.
 *
 * <p>One JDK-only file, so that it runs with a plain {@code java -cp} from the local-stack jar; its length is the
 * three status formats it imitates.
 */
public final class PlatformSimulator implements AutoCloseable {

    private static final Map<String, String> META_NAMES = Map.of(
            "instagram",
            "Instagram",
            "facebook",
            "Facebook",
            "whatsapp",
            "WhatsApp Business API",
            "messenger",
            "Messenger");

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "simulator");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, SimulatedHealth> platforms = new ConcurrentHashMap<>();
    private final Clock clock;

    private PlatformSimulator(HttpServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    /** Starts on {@code port} (0 = any free port) on all interfaces. */
    public static PlatformSimulator start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 512);
        PlatformSimulator simulator = new PlatformSimulator(server, Clock.systemUTC());
        server.createContext("/", simulator::handle);
        server.setExecutor(simulator.pool);
        server.start();
        return simulator;
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : Integer.getInteger("simulator.port", 8084);
        PlatformSimulator simulator = start(port);
        System.out.println("Platform simulator on http://localhost:" + simulator.port()
                + " — flip one with: curl -X POST 'http://localhost:" + simulator.port()
                + "/simulator/platforms/instagram?mode=5xx'");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    /** Switches a platform in-process (tests and the benchmark); answers the instant of the switch. */
    public Instant set(String platformId, SimulatedHealth.Mode mode, Duration period, Duration slowBy) {
        Instant now = clock.instant();
        platforms.put(platformId, new SimulatedHealth(mode, period, slowBy, now));
        return now;
    }

    public void reset() {
        platforms.clear();
    }

    private SimulatedHealth health(String platformId) {
        return platforms.getOrDefault(platformId, SimulatedHealth.up(Instant.EPOCH));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String[] parts = path.split("/");
            if (path.startsWith("/simulator/")) {
                control(exchange, parts);
            } else if (parts.length >= 4 && "platforms".equals(parts[1])) {
                serve(exchange, parts[2], path.substring(("/platforms/" + parts[2]).length()));
            } else {
                send(exchange, 404, "application/json", "{\"error\":\"no such endpoint\"}");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "application/json", "{\"error\":\"simulator error\"}");
        }
    }

    private void control(HttpExchange exchange, String[] parts) throws IOException {
        String method = exchange.getRequestMethod();
        if (parts.length == 3 && "reset".equals(parts[2]) && "POST".equals(method)) {
            reset();
            send(exchange, 200, "application/json", "{\"reset\":true}");
        } else if (parts.length == 3 && "platforms".equals(parts[2]) && "GET".equals(method)) {
            StringBuilder json = new StringBuilder("{");
            new TreeMap<>(platforms)
                    .forEach((id, h) -> json.append(json.length() > 1 ? "," : "")
                            .append('"')
                            .append(id)
                            .append("\":\"")
                            .append(h.mode().wire())
                            .append('"'));
            send(exchange, 200, "application/json", json.append('}').toString());
        } else if (parts.length == 4
                && "platforms".equals(parts[2])
                && ("POST".equals(method) || "PUT".equals(method))) {
            Map<String, String> query = query(exchange.getRequestURI());
            SimulatedHealth.Mode mode = SimulatedHealth.Mode.parse(query.get("mode"));
            if (mode == null) {
                send(
                        exchange,
                        400,
                        "application/json",
                        "{\"error\":\"mode must be one of up, slow, 5xx, timeout, garbage, flapping, degraded, maintenance\"}");
                return;
            }
            Duration period = duration(query.get("period"), Duration.ofSeconds(20));
            Duration slow = duration(query.get("slow"), Duration.ofSeconds(3));
            Instant at = set(parts[3], mode, period, slow);
            send(
                    exchange,
                    200,
                    "application/json",
                    "{\"platformId\":\"" + parts[3] + "\",\"mode\":\"" + mode.wire() + "\",\"since\":\"" + at + "\"}");
        } else {
            send(exchange, 404, "application/json", "{\"error\":\"no such endpoint\"}");
        }
    }

    private void serve(HttpExchange exchange, String platformId, String rest) throws IOException {
        SimulatedHealth.Mode mode = health(platformId).effective(clock.instant());
        switch (mode) {
            case TIMEOUT -> pause(Duration.ofSeconds(60));
            case SLOW -> pause(health(platformId).slowBy());
            case GARBAGE -> {
                byte[] junk = new byte[512];
                ThreadLocalRandom.current().nextBytes(junk);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, junk.length);
                exchange.getResponseBody().write(junk);
                return;
            }
            default -> {}
        }
        boolean broken = mode == SimulatedHealth.Mode.FIVE_XX || mode == SimulatedHealth.Mode.MAINTENANCE;
        switch (rest) {
            case "/health" ->
                send(
                        exchange,
                        broken ? 503 : 200,
                        "application/json",
                        broken
                                ? "{\"status\":\"unavailable\"}"
                                : "{\"status\":\"ok\",\"platform\":\"" + platformId + "\"}");
            case "/api/v2/status.json" -> send(exchange, 200, "application/json", statuspage(platformId, mode, false));
            case "/api/v2/summary.json" -> send(exchange, 200, "application/json", statuspage(platformId, mode, true));
            case "/meta/status.json" -> send(exchange, 200, "application/json", meta(platformId, mode));
            default -> send(exchange, 404, "application/json", "{\"error\":\"no such endpoint\"}");
        }
    }

    private static String statuspage(String platformId, SimulatedHealth.Mode mode, boolean summary) {
        String indicator = switch (mode) {
            case FIVE_XX -> "major";
            case SLOW, DEGRADED -> "minor";
            case MAINTENANCE -> "maintenance";
            default -> "none";
        };
        String component = switch (mode) {
            case FIVE_XX -> "major_outage";
            case SLOW, DEGRADED -> "degraded_performance";
            case MAINTENANCE -> "under_maintenance";
            default -> "operational";
        };
        String page = "{\"page\":{\"id\":\"" + platformId + "\",\"name\":\"" + platformId + "\"},"
                + "\"status\":{\"indicator\":\"" + indicator + "\",\"description\":\"simulated\"}";
        if (summary) {
            page += ",\"components\":[{\"id\":\"api\",\"name\":\"API\",\"status\":\"" + component + "\"},"
                    + "{\"id\":\"web\",\"name\":\"Storefront\",\"status\":\"" + component + "\"}]"
                    + ",\"scheduled_maintenances\":"
                    + (mode == SimulatedHealth.Mode.MAINTENANCE
                            ? "[{\"id\":\"m1\",\"name\":\"Planned upgrade\",\"status\":\"in_progress\"}]"
                            : "[]");
        }
        return page + "}";
    }

    private static String meta(String platformId, SimulatedHealth.Mode mode) {
        String status = switch (mode) {
            case FIVE_XX -> "Major Outage";
            case SLOW, DEGRADED -> "Degraded Performance";
            case MAINTENANCE -> "Under Maintenance";
            default -> "Operational";
        };
        String name = META_NAMES.getOrDefault(platformId, platformId);
        String outages =
                mode == SimulatedHealth.Mode.FIVE_XX ? "[{\"start\":\"2026-03-05T15:00:00Z\",\"end\":null}]" : "[]";
        return "{\"orgs\":[{\"id\":\"" + platformId + "\",\"name\":\"" + name + "\",\"status\":\"" + status
                + "\",\"outages\":" + outages + "}]}";
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new TreeMap<>();
        if (uri.getRawQuery() == null) {
            return out;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** Accepts "10s", "500ms", "2m" or a number of seconds. */
    static Duration duration(String text, Duration fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
