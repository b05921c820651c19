package dev.lifeline.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The owner's console over plain HTTP, as a browser without JavaScript: its cookies (kept by hand, as the console's are
 * Secure and this is http on localhost) and the CSRF field of the last page it read, posted with every form. For the
 * suites that drive the console without a real browser (the page benchmark, the forms' fuzz suite).
 */
public final class ConsoleClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern NEW_KEY = Pattern.compile("id=\"new-key-value\"[^>]*value=\"(ll_[^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String base;
    private String csrf;

    public ConsoleClient(String base) {
        this.base = base;
    }

    /** Signs in, trying again until the account exists (the console creates a demo owner once it is up). */
    public static ConsoleClient signIn(String base, String email, String password, Duration patience)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            ConsoleClient client = new ConsoleClient(base);
            client.get("/signin");
            HttpResponse<String> signedIn = client.post("/signin", Map.of("email", email, "password", password));
            if (signedIn.statusCode() == 303
                    && signedIn.headers().firstValue("Location").orElse("").endsWith("/dashboard")) {
                return client;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("could not sign in to the console: HTTP " + signedIn.statusCode());
            }
            Thread.sleep(2000);
        }
    }

    /** A standard API key of the signed-in business, made on the Settings page as the owner would. */
    public String createApiKey() throws IOException, InterruptedException {
        get("/settings");
        HttpResponse<String> created = post("/settings/keys", Map.of("scope", "standard"));
        String page = created.statusCode() == 303
                ? get(created.headers().firstValue("Location").orElseThrow()).body()
                : created.body();
        Matcher key = NEW_KEY.matcher(page);
        if (!key.find()) {
            throw new IllegalStateException("no new key on the Settings page (HTTP " + created.statusCode() + ")");
        }
        return key.group(1);
    }

    /** The status of a GET of a full URL, with this client's cookies. */
    public int status(String url) throws IOException, InterruptedException {
        return http.send(request(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    public String cookieHeader() {
        return cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /** GETs a console path, keeping its cookies and CSRF field. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(request(URI.create(base).resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        remember(response);
        Matcher field = CSRF_FIELD.matcher(response.body());
        if (field.find()) {
            csrf = field.group(1);
        }
        return response;
    }

    /** Posts a form with these fields and the CSRF field of the last page read. */
    public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return postEncoded(path, body);
    }

    /**
     * Posts an already encoded form body as is (a fuzz suite puts bytes there that no encoder would), with the CSRF
     * field of the last page read added.
     */
    public HttpResponse<String> postEncoded(String path, String encodedBody) throws IOException, InterruptedException {
        String body = (encodedBody.isEmpty() ? "" : encodedBody + "&") + "csrf=" + encode(csrf == null ? "" : csrf);
        HttpResponse<String> response = http.send(
                request(URI.create(base).resolve(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        remember(response);
        return response;
    }

    /** Posts a multipart form with one file and the CSRF field, as the Import page's upload does. */
    public HttpResponse<String> postFile(String path, String field, String fileName, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "----lifeline" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
                        + (csrf == null ? "" : csrf) + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                request(URI.create(base).resolve(path))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        remember(response);
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader());
        }
        return request;
    }

    private void remember(HttpResponse<?> response) {
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(
                        pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
    }
}
