package dev.lifeline.reliability;

import dev.lifeline.system.ConsoleClient;
import dev.lifeline.system.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input on every form of the owner's console, signed in with a valid CSRF field (so that the form itself, not the
 * CSRF check, answers): each field in turn gets hostile values (empty, 100,000 characters, control and NUL bytes,
 * undecodable bytes, markup and script, template syntax, SQL, path traversal, odd unicode, huge and negative
 * numbers, the field repeated) while the others stay plausible; the Import page gets random and broken files; the
 * pages with query parameters get the same values there. Seeded by {@link BadInputFuzzTest#SEED}.
 * <p>
 * Every answer is a page a person can read: below 500 (a 503 "not available" page only if a service timed out under
 * load), HTML or a redirect, no stack trace or exception name, and markup that was typed comes back escaped, never
 * as markup. Findings go to {@code target/console-fuzz-findings.txt}.
 */
@Order(32)
class ConsoleFormsFuzzTest {

    private static final String OWNER = "fuzz-owner@example.com";
    private static final String PASSWORD = "a long fuzz password";
    private static final String SCRIPT = "<script>alert('lifeline')</script>";
    private static final List<String> LEAKS = List.of(
            "Exception", "\tat ", "at dev.lifeline", "at io.quarkus", "at java.", "SQLState", "org.hibernate", "PSQL");

    /** One form of the console, with plausible values for every field. */
    private record Form(String path, Map<String, String> plausible) {}

    private static ConsoleClient owner;
    private static String base;
    private static String campaign;
    private static final List<String> findings = new ArrayList<>();

    @BeforeAll
    static void aSignedInOwnerWithACampaign() throws Exception {
        RunningSystem system = SharedSystem.get();
        base = "http://localhost:"
                + system.startConsole(Map.of(
                                "lifeline.console.demo.email", OWNER,
                                "lifeline.console.demo.password", PASSWORD,
                                "lifeline.console.demo.business-name", "Fuzz shop"))
                        .httpPort();
        owner = ConsoleClient.signIn(base, OWNER, PASSWORD, Duration.ofMinutes(3));
        owner.get("/campaigns/new?channel=email");
        HttpResponse<String> created = owner.post("/campaigns/new", campaignForm());
        String location = created.headers().firstValue("Location").orElse("");
        assertThat(location)
                .as("a plausible campaign is saved (HTTP %d)", created.statusCode())
                .contains("/campaigns/");
        campaign = location.replaceAll(".*/campaigns/([0-9a-f-]{36}).*", "$1");
    }

    @AfterAll
    static void writeFindings() throws IOException {
        Path file = Path.of("target", "console-fuzz-findings.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, findings);
    }

    private static Map<String, String> campaignForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("channel", "email");
        form.put("name", "Instagram fallback");
        form.put("platformId", "instagram");
        form.put("subject", "Instagram is down, we are not");
        form.put("textBody", "Hi {contact.firstName}, order at https://shop.example.");
        form.put("htmlBody", "");
        form.put("graceMinutes", "2");
        form.put("quietStart", "");
        form.put("quietEnd", "");
        form.put("active", "on");
        return form;
    }

    private static List<Form> forms() {
        List<Form> forms = new ArrayList<>();
        forms.add(new Form(
                "/contacts/new",
                Map.of(
                        "name",
                        "Ada",
                        "email",
                        "ada@example.com",
                        "phone",
                        "+4915112345678",
                        "tags",
                        "vip",
                        "emailConsent",
                        "on")));
        forms.add(new Form("/campaigns/new", campaignForm()));
        Map<String, String> whatsapp = new LinkedHashMap<>(campaignForm());
        whatsapp.put("channel", "whatsapp");
        whatsapp.put("templateName", "instagram_down");
        whatsapp.put("templateLanguage", "en_US");
        whatsapp.put("templateParameters", "{contact.firstName}\n{outage.platform}");
        forms.add(new Form("/campaigns/new?channel=whatsapp", whatsapp));
        Map<String, String> webhook = new LinkedHashMap<>(campaignForm());
        webhook.put("channel", "webhook");
        webhook.put("webhookUrl", "https://shop.example/lifeline");
        webhook.put("webhookSecret", "a-secret-of-sixteen-or-more");
        forms.add(new Form("/campaigns/new?channel=webhook", webhook));
        forms.add(new Form("/campaigns/" + campaign, campaignForm()));
        forms.add(new Form("/campaigns/" + campaign + "/test", Map.of("to", "owner@example.com")));
        forms.add(new Form("/campaigns/" + campaign + "/audience", Map.of()));
        forms.add(new Form(
                "/settings/sender",
                Map.of("displayName", "Fuzz shop", "fromAddress", "", "replyTo", "help@shop.example")));
        forms.add(new Form("/settings/dependencies", Map.of("platformIds", "instagram")));
        forms.add(new Form("/settings/domains", Map.of("domain", "shop.example")));
        forms.add(new Form("/settings/keys", Map.of("scope", "standard")));
        forms.add(new Form(
                "/signup",
                Map.of(
                        "businessName",
                        "Fuzz café",
                        "email",
                        "new-owner@example.com",
                        "password",
                        "another long password",
                        "region",
                        "DE",
                        "timeZone",
                        "Europe/Berlin",
                        "platformIds",
                        "instagram")));
        return forms;
    }

    /** Hostile values for one field, each URL-encoded as a form would carry it (some as bytes no encoder makes). */
    private static List<String> hostile(FuzzRandom random) {
        List<String> values = new ArrayList<>();
        for (String v : List.of(
                "",
                " ",
                "a".repeat(100_000),
                "nul\u0000byte",
                "line\r\nX-Injected: yes",
                SCRIPT,
                "\"><img src=x onerror=alert(1)>",
                "{contact.name}{#for x in y}{x}{/for}{#include base /}",
                "'; DROP TABLE contact; --",
                "../../../../etc/passwd",
                "\u202Egnp.exe",
                "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍👩‍👧‍👦 ﷽",
                "９９",
                "-1",
                "99999999999999999999999999",
                "1e309",
                "NaN",
                "00:00",
                "25:61",
                "Europe/Nowhere",
                "XX")) {
            values.add(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
        values.add("%C3%28%FF%FE%ED%A0%80"); // not UTF-8: a lone continuation, BOM bytes, a surrogate
        values.add("%"); // a percent sign without two hex digits
        StringBuilder raw = new StringBuilder();
        for (byte b : random.bytes(64)) {
            raw.append('%').append(String.format("%02X", b & 0xff));
        }
        values.add(raw.toString());
        return values;
    }

    @TestFactory
    Stream<DynamicTest> everyConsoleFormAnswersBadInputWithAPageNotAStackTrace() {
        FuzzRandom random = new FuzzRandom(BadInputFuzzTest.SEED);
        List<DynamicTest> tests = new ArrayList<>();
        for (Form form : forms()) {
            tests.add(DynamicTest.dynamicTest("POST " + form.path(), () -> fuzz(form, random)));
        }
        tests.add(DynamicTest.dynamicTest("POST /imports (files)", () -> fuzzUploads(random)));
        tests.add(DynamicTest.dynamicTest("GET pages with query parameters", () -> fuzzQueries(random)));
        tests.add(DynamicTest.dynamicTest("POST /signin", () -> fuzzSignIn(random)));
        return tests.stream();
    }

    private static void fuzz(Form form, FuzzRandom random) throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> fields = new ArrayList<>(form.plausible().keySet());
        fields.add("unexpected");
        // The CSRF field is the same on every page of the session: one read serves the form's every post.
        owner.get(pageOf(form.path()));
        for (String field : fields) {
            for (String value : hostile(random)) {
                StringBuilder body = new StringBuilder();
                form.plausible().forEach((k, v) -> {
                    if (!k.equals(field)) {
                        append(body, k, URLEncoder.encode(v, StandardCharsets.UTF_8));
                    }
                });
                append(body, field, value);
                if (random.nextInt(4) == 0) {
                    append(body, field, value); // the same field twice
                }
                check(
                        "POST " + form.path() + " " + field,
                        owner.postEncoded(form.path(), body.toString()),
                        value,
                        problems);
            }
        }
        assertThat(problems).as("answers to bad input on %s", form.path()).isEmpty();
    }

    private static void fuzzUploads(FuzzRandom random) throws Exception {
        List<String> problems = new ArrayList<>();
        List<byte[]> files = new ArrayList<>();
        files.add(new byte[0]);
        files.add("email\n".getBytes(StandardCharsets.UTF_8));
        files.add("\"unclosed,quote\nx,y\n".getBytes(StandardCharsets.UTF_8));
        files.add(("email," + SCRIPT + "\nada@example.com,1\n").getBytes(StandardCharsets.UTF_8));
        files.add(("name;email\n" + "x;".repeat(20_000) + "\n").getBytes(StandardCharsets.UTF_8));
        files.add(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 'e', 0, 'm'});
        for (int i = 0; i < 10; i++) {
            files.add(random.bytes(4096));
        }
        for (byte[] file : files) {
            owner.get("/imports");
            HttpResponse<String> answer = owner.postFile("/imports", "file", "customers.csv", file);
            check("POST /imports (" + file.length + " bytes)", answer, SCRIPT, problems);
            String location = answer.headers().firstValue("Location").orElse("");
            if (location.contains("/imports/")) {
                // The mapping step of an upload that was taken, with hostile choices.
                owner.get(location);
                for (String value : hostile(random)) {
                    String path = location.replaceFirst("^https?://[^/]+", "");
                    check(
                            "POST " + path,
                            owner.postEncoded(path, "preset=" + value + "&column=" + value),
                            value,
                            problems);
                }
            }
        }
        assertThat(problems).as("answers to bad files on the Import page").isEmpty();
    }

    private static void fuzzQueries(FuzzRandom random) throws Exception {
        List<String> problems = new ArrayList<>();
        for (String value : hostile(random)) {
            if (value.length() > 3000) {
                continue; // a request line over the server's limit gets its plain 414, before any page runs
            }
            for (String path : List.of(
                    "/contacts?q=" + value,
                    "/contacts?cursor=" + value + "&tag=" + value,
                    "/contacts/" + value,
                    "/campaigns/" + campaign + "?contactId=" + value + "&dryRun=" + value,
                    "/campaigns/new?channel=" + value,
                    "/campaigns/segments?text=" + value,
                    "/outages/runs/" + UUID.randomUUID() + "?state=" + value + "&page=" + value,
                    "/signup/verify?token=" + value)) {
                if (value.equals("%")) {
                    continue; // a lone percent sign in the URI is the HTTP server's plain 400, before any page
                }
                check("GET " + path, owner.get(path), value, problems);
            }
        }
        for (String value : hostile(random)) {
            if (value.length() > 3000 || value.equals("%")) {
                continue;
            }
            // The progress bar's JSON, not a page: an unknown job is a bare 404, never a 500 or a stack trace.
            HttpResponse<String> progress = owner.get("/imports/jobs/" + value + "/status");
            if (progress.statusCode() >= 500 || LEAKS.stream().anyMatch(progress.body()::contains)) {
                problems.add("GET /imports/jobs/" + abbreviate(value) + "/status → HTTP " + progress.statusCode());
            }
        }
        assertThat(problems).as("answers to bad query parameters").isEmpty();
    }

    private static void fuzzSignIn(FuzzRandom random) throws Exception {
        List<String> problems = new ArrayList<>();
        ConsoleClient visitor = new ConsoleClient(base);
        for (String value : hostile(random)) {
            visitor.get("/signin");
            check(
                    "POST /signin",
                    visitor.postEncoded("/signin", "email=" + value + "&password=" + value),
                    value,
                    problems);
        }
        assertThat(problems).as("answers to bad sign-ins").isEmpty();
    }

    private static void check(String what, HttpResponse<String> answer, String sentEncoded, List<String> problems) {
        int status = answer.statusCode();
        String body = answer.body();
        String type = answer.headers().firstValue("Content-Type").orElse("");
        List<String> wrong = new ArrayList<>();
        if (status >= 500 && !(status == 503 && body.contains("not available"))) {
            wrong.add("HTTP " + status);
        }
        if (status != 303
                && status != 302
                && status != 204
                && !type.startsWith("text/html")
                && !type.startsWith("application/json")
                && !type.startsWith("text/csv")) {
            wrong.add("content type " + type);
        }
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                wrong.add("shows \"" + leak.strip() + "\"");
            }
        }
        if (sentEncoded.equals(URLEncoder.encode(SCRIPT, StandardCharsets.UTF_8)) && body.contains(SCRIPT)) {
            wrong.add("echoes the typed script as markup");
        }
        if (!wrong.isEmpty()) {
            String finding = what + " with " + abbreviate(sentEncoded) + " → " + String.join(", ", wrong);
            problems.add(finding);
            synchronized (findings) {
                findings.add(finding);
            }
        }
    }

    private static void append(StringBuilder body, String field, String encodedValue) {
        if (body.length() > 0) {
            body.append('&');
        }
        body.append(field).append('=').append(encodedValue);
    }

    /** The page whose form posts to {@code path}, read first for its CSRF field. */
    private static String pageOf(String path) {
        if (path.startsWith("/settings")) {
            return "/settings";
        }
        if (path.equals("/signup")) {
            return "/signup";
        }
        if (path.startsWith("/campaigns/new")) {
            return path.contains("?") ? path : "/campaigns/new?channel=email";
        }
        if (path.startsWith("/campaigns/")) {
            return "/campaigns/" + campaign;
        }
        return path;
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…(" + value.length() + ")" : value;
    }
}
