package dev.lifeline.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The captured mail as a web page for a person and as JSON for scripts. Loopback only.
 * <p>
 * Mail content is untrusted: every value is escaped, and an HTML body is shown in a sandboxed
 * {@code iframe srcdoc} (no scripts, no forms, no same-origin access), under a policy that also
 * stops it loading anything from the network (no tracking pixels).
 */
final class MailWebServer {

    private static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");
    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
            table{border-collapse:collapse;width:100%}
            th,td{text-align:left;padding:.35em .6em;border-bottom:1px solid #ddd;vertical-align:top}
            th{background:#f4f4f4}
            pre{background:#f8f8f8;padding:.8em;white-space:pre-wrap;word-break:break-word}
            iframe{width:100%;height:28em;border:1px solid #ccc}
            .muted{color:#777}
            """;

    private final MailStore store;
    private final int smtpPort;
    private final HttpServer server;
    private final ExecutorService executor;

    MailWebServer(MailStore store, int port, int smtpPort) {
        this.store = store;
        this.smtpPort = smtpPort;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Mail web page cannot listen on port " + port, e);
        }
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "mail-web");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/api/messages")) {
                if (method.equals("GET")) {
                    send(exchange, 200, "application/json", Json.value(apiMessages()));
                } else if (method.equals("DELETE")) {
                    store.clear();
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    notAllowed(exchange, "GET, DELETE");
                }
            } else if (!method.equals("GET")) {
                notAllowed(exchange, "GET");
            } else if (path.equals("/")) {
                sendHtml(exchange, 200, indexPage());
            } else if (path.startsWith("/messages/")) {
                messagePage(exchange, path.substring("/messages/".length()));
            } else {
                send(exchange, 404, "text/plain", "Not found");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", "Internal error");
        }
    }

    private List<Map<String, Object>> apiMessages() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MailStore.Entry entry : store.entries()) {
            CapturedMail m = entry.mail();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", entry.id());
            json.put("from", m.from());
            json.put("to", m.to());
            json.put("subject", m.subject());
            json.put("receivedAt", m.receivedAt().toString());
            json.put("headers", m.headers());
            json.put("text", m.text());
            json.put("html", m.html());
            out.add(json);
        }
        return out;
    }

    private String indexPage() {
        List<MailStore.Entry> entries = new ArrayList<>(store.entries());
        Collections.reverse(entries); // newest first: the one just sent is what a person looks for
        StringBuilder rows = new StringBuilder();
        for (MailStore.Entry e : entries) {
            CapturedMail m = e.mail();
            rows.append("<tr><td>")
                    .append(Html.escape(time(m)))
                    .append("</td><td>")
                    .append(Html.escape(m.from()))
                    .append("</td><td>")
                    .append(Html.escape(String.join(", ", m.to())))
                    .append("</td><td><a href=\"/messages/")
                    .append(e.id())
                    .append("\">")
                    .append(Html.escape(subjectOf(m)))
                    .append("</a></td></tr>\n");
        }
        if (entries.isEmpty()) {
            rows.append("<tr><td colspan=\"4\" class=\"muted\">No mail yet.</td></tr>\n");
        }
        return page(
                "Captured mail (" + entries.size() + ")",
                "<meta http-equiv=\"refresh\" content=\"5\">",
                "<p class=\"muted\">SMTP on 127.0.0.1:" + smtpPort
                        + " &middot; newest first &middot; refreshes every 5 s"
                        + " &middot; <a href=\"/api/messages\">JSON</a></p>\n"
                        + "<table><thead><tr><th>Received</th><th>From</th><th>To</th><th>Subject</th></tr></thead>"
                        + "<tbody>\n" + rows + "</tbody></table>");
    }

    private void messagePage(HttpExchange exchange, String idText) throws IOException {
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            send(exchange, 404, "text/plain", "Not found");
            return;
        }
        var entry = store.find(id);
        if (entry.isEmpty()) {
            send(exchange, 404, "text/plain", "No message " + id + " (cleared?)");
            return;
        }
        CapturedMail m = entry.get().mail();
        StringBuilder body = new StringBuilder();
        body.append("<p><a href=\"/\">&larr; all mail</a></p>\n<table>");
        row(body, "Received", time(m));
        row(body, "From", m.from());
        row(body, "To (envelope)", String.join(", ", m.to()));
        row(body, "Subject", subjectOf(m));
        body.append("</table>\n");
        if (m.text() != null) {
            body.append("<h2>Text</h2>\n<pre>").append(Html.escape(m.text())).append("</pre>\n");
        }
        if (m.html() != null) {
            body.append("<h2>HTML</h2>\n<iframe sandbox title=\"HTML body\" srcdoc=\"")
                    .append(Html.escape(m.html()))
                    .append("\"></iframe>\n")
                    .append("<details><summary>HTML source</summary><pre>")
                    .append(Html.escape(m.html()))
                    .append("</pre></details>\n");
        }
        if (m.text() == null && m.html() == null) {
            body.append("<p class=\"muted\">No text or HTML body.</p>\n");
        }
        body.append("<h2>Headers</h2>\n<table>");
        m.headers().forEach((name, value) -> row(body, name, value));
        body.append("</table>\n");
        sendHtml(exchange, 200, page(subjectOf(m), "", body.toString()));
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("<tr><th>")
                .append(Html.escape(name))
                .append("</th><td>")
                .append(Html.escape(value))
                .append("</td></tr>\n");
    }

    private static String page(String title, String head, String body) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" + head
                + "<title>" + Html.escape(title) + " - Lifeline mail catcher</title><style>" + STYLE
                + "</style></head><body>\n<h1>" + Html.escape(title) + "</h1>\n" + body + "\n</body></html>\n";
    }

    private static String subjectOf(CapturedMail m) {
        return m.subject() == null || m.subject().isBlank() ? "(no subject)" : m.subject();
    }

    private static String time(CapturedMail m) {
        return TIME.format(m.receivedAt().atZone(ZoneId.systemDefault()));
    }

    private static void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
        exchange.getResponseHeaders().set("Content-Security-Policy", PAGE_POLICY);
        send(exchange, status, "text/html", html);
    }

    private static void notAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        send(exchange, 405, "text/plain", "Method not allowed");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
