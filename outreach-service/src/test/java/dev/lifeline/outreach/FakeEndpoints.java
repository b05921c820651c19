package dev.lifeline.outreach;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server speaking Twilio's Messages API (auth, form fields, 201 with a sid, error JSON with Twilio codes)
 * and receiving webhooks. Numbers with special behaviour: {@link #INVALID_NUMBER} → 400 code 21211;
 * {@link #THROTTLED_ONCE} → 429 code 20429 the first time, then accepted.
 */
public class FakeEndpoints implements QuarkusTestResourceLifecycleManager {

    public static final String ACCOUNT_SID = "ACfake0000000000000000000000000001";
    public static final String AUTH_TOKEN = "fake-auth-token";
    public static final String INVALID_NUMBER = "+15005550001";
    public static final String THROTTLED_ONCE = "+15005550009";
    /** Twilio answers 503 for this number, as in an outage of Twilio; Vonage takes it. */
    public static final String TWILIO_DOWN = "+15005550011";

    public static final String VONAGE_KEY = "abcd1234";
    public static final String VONAGE_SECRET = "fake-vonage-secret";

    public record Sms(String to, String from, String body, String sid, String statusCallback) {}

    public record Hook(String path, Map<String, String> headers, String body) {}

    public static final List<Sms> SMS = new CopyOnWriteArrayList<>();
    /** Messages the second provider (Vonage) accepted; {@code sid} is its message-id. */
    public static final List<Sms> VONAGE_SMS = new CopyOnWriteArrayList<>();

    public static final List<Hook> HOOKS = new CopyOnWriteArrayList<>();
    private static final Set<String> THROTTLED = ConcurrentHashMap.newKeySet();

    private static HttpServer server;

    public static String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/2010-04-01/Accounts/", FakeEndpoints::twilio);
            server.createContext("/hooks/", FakeEndpoints::hook);
            server.createContext("/sms/json", FakeEndpoints::vonage);
            server.start();
        }
        return Map.of(
                "lifeline.sms.twilio.base-url",
                baseUrl(),
                "lifeline.sms.twilio.account-sid",
                ACCOUNT_SID,
                "lifeline.sms.twilio.auth-token",
                AUTH_TOKEN,
                "lifeline.sms.vonage.base-url",
                baseUrl(),
                "lifeline.sms.vonage.api-key",
                VONAGE_KEY,
                "lifeline.sms.vonage.api-secret",
                VONAGE_SECRET,
                // No cool-down: a test that takes Twilio "down" for one number must not send every other test's SMS
                // to Vonage for half a minute (FailoverSmsProviderTest covers the cool-down on a fake clock).
                "lifeline.sms.failover-cool-down",
                "PT0S");
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM
    }

    private static void twilio(HttpExchange ex) throws IOException {
        String expectedAuth = "Basic "
                + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        if (!ex.getRequestURI().getPath().equals("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json")
                || !"POST".equals(ex.getRequestMethod())) {
            reply(ex, 404, "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}");
            return;
        }
        if (!expectedAuth.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            reply(ex, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
            return;
        }
        Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String to = form.get("To");
        if (to == null || form.get("Body") == null || form.get("From") == null) {
            reply(ex, 400, "{\"code\":21604,\"message\":\"A 'To' phone number is required.\",\"status\":400}");
        } else if (TWILIO_DOWN.equals(to)) {
            reply(ex, 503, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":503}");
        } else if (INVALID_NUMBER.equals(to)) {
            reply(
                    ex,
                    400,
                    "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\",\"status\":400}");
        } else if (THROTTLED_ONCE.equals(to) && THROTTLED.add(form.get("Body"))) {
            reply(ex, 429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}");
        } else {
            String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
            SMS.add(new Sms(to, form.get("From"), form.get("Body"), sid, form.get("StatusCallback")));
            reply(ex, 201, "{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"to\":\"" + to + "\"}");
        }
    }

    /** Vonage's SMS API: always HTTP 200, the outcome in {@code messages[0].status}. */
    private static void vonage(HttpExchange ex) throws IOException {
        Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String to = form.get("to");
        if (!VONAGE_KEY.equals(form.get("api_key")) || !VONAGE_SECRET.equals(form.get("api_secret"))) {
            reply(
                    ex,
                    200,
                    "{\"message-count\":\"1\",\"messages\":[{\"status\":\"4\",\"error-text\":\"Bad Credentials\"}]}");
        } else if (to == null || to.startsWith("+") || form.get("text") == null || form.get("from") == null) {
            reply(ex, 200, "{\"message-count\":\"1\",\"messages\":[{\"status\":\"2\",\"error-text\":\"Missing to\"}]}");
        } else {
            String id = UUID.randomUUID()
                    .toString()
                    .replace("-", "")
                    .substring(0, 16)
                    .toUpperCase();
            VONAGE_SMS.add(new Sms("+" + to, form.get("from"), form.get("text"), id, null));
            reply(
                    ex,
                    200,
                    "{\"message-count\":\"1\",\"messages\":[{\"to\":\"" + to + "\",\"message-id\":\"" + id
                            + "\",\"status\":\"0\",\"remaining-balance\":\"15.53590000\",\"message-price\":\"0.03330000\",\"network\":\"23410\"}]}");
        }
    }

    private static void hook(HttpExchange ex) throws IOException {
        Map<String, String> headers = new HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        String path = ex.getRequestURI().getPath();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean flaky =
                path.contains("flaky") && HOOKS.stream().noneMatch(h -> h.path().equals(path));
        HOOKS.add(new Hook(path, headers, body));
        reply(ex, flaky ? 503 : 204, null);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        if (json == null) {
            ex.sendResponseHeaders(status, -1);
        } else {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }
}
