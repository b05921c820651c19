package dev.lifeline.outreach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local WhatsApp Business Cloud API: {@code POST /{version}/{phone-number-id}/messages} with a bearer token and a
 * template message, answered as Meta answers (200 with contacts and a {@code wamid}, or a Graph API error object with
 * Meta's codes). It knows two approved templates ({@link #OUTAGE_TEMPLATE} with two body parameters,
 * {@link #BACK_TEMPLATE} with one, both "en") and refuses others as Meta does. Numbers with special behaviour:
 * {@link #THROTTLED_ONCE} → 130429 the first time a message is sent, then accepted; {@link #OPTED_OUT} → 131050;
 * {@link #NOT_ON_WHATSAPP} → 131026.
 */
public class FakeWhatsApp implements QuarkusTestResourceLifecycleManager {

    public static final String API_VERSION = "v21.0";
    public static final String PHONE_NUMBER_ID = "106540352242922";
    public static final String ACCESS_TOKEN = "EAAfake-whatsapp-token";
    public static final String OUTAGE_TEMPLATE = "lifeline_outage";
    public static final String BACK_TEMPLATE = "lifeline_back";
    public static final String THROTTLED_ONCE = "+4915550000001";
    public static final String OPTED_OUT = "+4915550000002";
    public static final String NOT_ON_WHATSAPP = "+4915550000003";

    private static final Map<String, Integer> APPROVED = Map.of(OUTAGE_TEMPLATE + "/en", 2, BACK_TEMPLATE + "/en", 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A template message the fake accepted. */
    public record Message(String to, String template, String language, List<String> parameters, String wamid) {}

    public static final List<Message> MESSAGES = new CopyOnWriteArrayList<>();
    /** Every request that reached the messages endpoint, accepted or not, by recipient. */
    public static final List<String> ATTEMPTS = new CopyOnWriteArrayList<>();

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
            server.createContext("/", FakeWhatsApp::handle);
            server.start();
        }
        return Map.of(
                "lifeline.whatsapp.base-url",
                baseUrl(),
                "lifeline.whatsapp.api-version",
                API_VERSION,
                "lifeline.whatsapp.phone-number-id",
                PHONE_NUMBER_ID,
                "lifeline.whatsapp.access-token",
                ACCESS_TOKEN);
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM
    }

    private static void handle(HttpExchange ex) throws IOException {
        if (!("/" + API_VERSION + "/" + PHONE_NUMBER_ID + "/messages")
                        .equals(ex.getRequestURI().getPath())
                || !"POST".equals(ex.getRequestMethod())) {
            error(
                    ex,
                    400,
                    100,
                    "Unsupported post request.",
                    "Object does not exist or does not support this operation");
            return;
        }
        if (!("Bearer " + ACCESS_TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            reply(
                    ex,
                    401,
                    "{\"error\":{\"message\":\"Invalid OAuth access token - Cannot parse access token\","
                            + "\"type\":\"OAuthException\",\"code\":190,\"fbtrace_id\":\"" + trace() + "\"}}");
            return;
        }
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        JsonNode body;
        try {
            body = JSON.readTree(ex.getRequestBody().readAllBytes());
        } catch (IOException e) {
            body = null;
        }
        if (contentType == null || !contentType.startsWith("application/json") || body == null || !body.isObject()) {
            error(ex, 400, 100, "Invalid parameter", "The request body is not JSON");
            return;
        }
        String to = body.path("to").asText("");
        JsonNode template = body.path("template");
        if (!"whatsapp".equals(body.path("messaging_product").asText())
                || !"individual".equals(body.path("recipient_type").asText("individual"))
                || !"template".equals(body.path("type").asText())
                || to.isBlank()
                || template.path("name").asText("").isBlank()
                || template.path("language").path("code").asText("").isBlank()) {
            error(
                    ex,
                    400,
                    131008,
                    "Required parameter is missing",
                    "messaging_product, recipient_type, to, type=template, template.name and template.language.code are required");
            return;
        }
        List<String> parameters = new ArrayList<>();
        for (JsonNode component : template.path("components")) {
            if (!"body".equals(component.path("type").asText())) {
                error(ex, 400, 131009, "Parameter value is not valid", "only body components are used here");
                return;
            }
            for (JsonNode p : component.path("parameters")) {
                String text = p.path("text").asText("");
                if (!"text".equals(p.path("type").asText()) || text.isEmpty() || text.contains("\n")) {
                    error(
                            ex,
                            400,
                            131009,
                            "Parameter value is not valid",
                            "a text parameter must be non-empty, one line");
                    return;
                }
                parameters.add(text);
            }
        }
        ATTEMPTS.add(to);
        String name = template.path("name").asText();
        String language = template.path("language").path("code").asText();
        Integer expected = APPROVED.get(name + "/" + language);
        if (expected == null) {
            error(
                    ex,
                    404,
                    132001,
                    "Template name does not exist in the translation",
                    "template name (" + name + ") does not exist in " + language);
        } else if (expected != parameters.size()) {
            error(
                    ex,
                    400,
                    132000,
                    "Number of parameters does not match the expected number of params",
                    "body: number of localizable_params (" + parameters.size()
                            + ") does not match the expected number of params (" + expected + ")");
        } else if (THROTTLED_ONCE.equals(to) && THROTTLED.add(String.join("|", parameters))) {
            error(
                    ex,
                    400,
                    130429,
                    "Rate limit hit",
                    "Message failed to send because there were too many messages sent from this phone number in a short period of time");
        } else if (OPTED_OUT.equals(to)) {
            error(
                    ex,
                    400,
                    131050,
                    "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business",
                    "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business");
        } else if (NOT_ON_WHATSAPP.equals(to)) {
            error(ex, 400, 131026, "Message Undeliverable", "Message Undeliverable.");
        } else {
            String wamid = "wamid."
                    + Base64.getEncoder()
                            .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            MESSAGES.add(new Message(to, name, language, List.copyOf(parameters), wamid));
            reply(
                    ex,
                    200,
                    JSON.createObjectNode()
                            .put("messaging_product", "whatsapp")
                            .<ObjectNode>set(
                                    "contacts",
                                    JSON.createArrayNode()
                                            .add(JSON.createObjectNode()
                                                    .put("input", to)
                                                    .put("wa_id", to.replace("+", ""))))
                            .set(
                                    "messages",
                                    JSON.createArrayNode()
                                            .add(JSON.createObjectNode().put("id", wamid)))
                            .toString());
        }
    }

    private static void error(HttpExchange ex, int status, int code, String title, String details) throws IOException {
        reply(
                ex,
                status,
                JSON.createObjectNode()
                        .set(
                                "error",
                                JSON.createObjectNode()
                                        .put("message", "(#" + code + ") " + title)
                                        .put("type", "OAuthException")
                                        .put("code", code)
                                        .<ObjectNode>set(
                                                "error_data",
                                                JSON.createObjectNode()
                                                        .put("messaging_product", "whatsapp")
                                                        .put("details", details))
                                        .put("fbtrace_id", trace()))
                        .toString());
    }

    private static String trace() {
        return "A" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
