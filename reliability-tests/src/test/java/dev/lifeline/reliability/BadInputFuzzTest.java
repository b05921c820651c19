package dev.lifeline.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeline.system.Http;
import dev.lifeline.system.RunningSystem;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input on every public and tenant endpoint of the three services, generated from a seeded {@link FuzzRandom}
 * ({@code -Dlifeline.fuzz.seed=<n>} replays a run): random bytes, oversized and deeply nested bodies, malformed JSON
 * and CSV, wrong types and nulls per field, huge numbers, hostile headers, unicode edge cases as raw bytes and
 * injection strings, in bodies, path parameters and query strings.
 * <p>
 * Each answer must be below 500; a 4xx of a JSON endpoint must be {@code application/problem+json} with {@code status}
 * and {@code title}, a 400/422 naming the field(s) in {@code errors[].field} (the one a wrong type was put in, when
 * that is known). Afterwards the tenants hold exactly what the requests that were answered 2xx created: nothing
 * half-written, nothing stored from a refused request, no replacement characters from undecodable bytes. A body
 * that is wrong by construction (a wrong type in one field, trailing content) must never be taken.
 * <p>
 * Allowed without a problem body, as the HTTP server refuses them before any endpoint runs: a request line over its
 * 4 KiB limit (414), a percent sign without two hex digits in the URI (400), a 64 KiB header (431), header lines
 * that are not header syntax or carry control bytes (400 or a closed connection); and on the HTML pages (hosted
 * form, confirm and unsubscribe links) a 4xx as an HTML page. Every finding is also written to
 * {@code target/bad-input-findings.txt}.
 */
@Order(30)
class BadInputFuzzTest {

    static final long SEED = Long.getLong("lifeline.fuzz.seed", 20261130L);
    private static final int THREADS = 4;

    /** How an endpoint answers errors: JSON endpoints with problem JSON; pages also with HTML. */
    enum Kind {
        API,
        HTML
    }

    /** Transport-level garbage (broken header syntax, raw control bytes): the HTTP layer may refuse or hang up. */
    record Case(
            String group,
            String method,
            String base,
            String target,
            List<RawHttp.Header> headers,
            byte[] body,
            Kind kind,
            String expectField,
            boolean badAuth,
            boolean transport,
            String note) {
        Case {
            // A request line the HTTP server itself refuses before any endpoint sees it: longer than its 4 KiB limit
            // (414), or a percent sign not followed by two hex digits (400 without a body).
            transport = transport
                    || target.length() > 4_000
                    || Pattern.compile("%(?![0-9A-Fa-f]{2})").matcher(target).find();
        }

        String describe() {
            return group + " " + method + " " + abbreviate(target, 120) + " [" + note + "]";
        }
    }

    record Outcome(Case fuzz, RawHttp.Response response, String error) {}

    private final RunningSystem system = SharedSystem.get();
    private final FuzzRandom random = new FuzzRandom(SEED);
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final List<Case> cases = new ArrayList<>();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private int serial;

    private Business shop;
    /** The public form's tenants: several, as each takes 20 sign-ups a minute from one address. */
    private final List<Business> forms = new ArrayList<>();

    private String contactTarget;
    private String campaignTarget;
    private String runTarget;
    private String ownPlatform;

    /**
     * Every request is sent once, then each endpoint group is its own test ("one failure names one guarantee"): its
     * bad inputs were answered with a problem naming the field, never 5xx, never accepted without a valid key; and
     * one more test says that no refused request left anything stored.
     */
    @TestFactory
    Stream<DynamicTest> badInputIsRefusedWithAProblemAndStoresNothing() throws Exception {
        System.out.println("BadInputFuzzTest seed " + SEED + " (replay with -Dlifeline.fuzz.seed=" + SEED + ")");
        setUp();
        Snapshot before = snapshot();

        generate();
        long started = System.nanoTime();
        List<Outcome> outcomes = run(cases);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        Map<String, List<String>> findingsByGroup = new TreeMap<>();
        Created created = new Created();
        long serverErrors = 0;
        long transportRefusals = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.response() != null && outcome.response().status() >= 500) {
                serverErrors++;
            }
            if (outcome.fuzz().transport() && (outcome.response() == null || !isProblem(outcome.response()))) {
                transportRefusals++;
            }
            check(outcome, findingsByGroup.computeIfAbsent(outcome.fuzz().group(), g -> new ArrayList<>()), created);
        }
        Results.add(Results.BAD_INPUTS_TRIED, outcomes.size());
        Results.add(Results.SERVER_ERRORS, serverErrors);
        Results.set("bad inputs: seed", Long.toString(SEED));
        System.out.printf(
                "BadInputFuzzTest: %d requests in %d s, %d 5xx, %d refused by the HTTP layer itself%n",
                outcomes.size(), seconds, serverErrors, transportRefusals);
        Map<String, Map<String, Integer>> statuses = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            statuses.computeIfAbsent(outcome.fuzz().group(), g -> new TreeMap<>())
                    .merge(
                            outcome.response() == null
                                    ? "none"
                                    : Integer.toString(outcome.response().status()),
                            1,
                            Integer::sum);
        }
        statuses.forEach((group, counts) -> System.out.println("  " + group + " " + counts));

        List<String> storedAnyway = storedNothingElse(before, created);
        List<String> all = new ArrayList<>(storedAnyway);
        findingsByGroup.values().forEach(all::addAll);
        Results.add("bad inputs: findings", all.size());
        Path report = Path.of("target", "bad-input-findings.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, all);

        Stream<DynamicTest> groups = findingsByGroup.entrySet().stream()
                .map(group -> DynamicTest.dynamicTest(
                        group.getKey() + ": every bad input refused with a problem naming the field, never 5xx",
                        () -> assertNoFindings(group.getValue())));
        return Stream.concat(
                groups,
                Stream.of(DynamicTest.dynamicTest(
                        "no refused request left anything stored", () -> assertNoFindings(storedAnyway))));
    }

    private static void assertNoFindings(List<String> findings) {
        assertThat(findings)
                .as("seed " + SEED + ": " + findings.size() + " findings, first 40:\n"
                        + String.join("\n", findings.subList(0, Math.min(40, findings.size()))))
                .isEmpty();
    }

    // ---------------------------------------------------------------- setup and snapshots

    private void setUp() {
        shop = Business.signUp(system, "fuzz-" + suffix);
        IssuedSecrets.add(shop.apiKey);
        for (int i = 0; i < 6; i++) {
            Business form = Business.signUp(system, "fuzzf" + i + "-" + suffix);
            IssuedSecrets.add(form.apiKey);
            forms.add(form);
        }
        for (int n = 1; n <= 3; n++) {
            Http.Reply contact = Http.post(
                    shop.contacts("/api/v1/contacts"),
                    shop.auth(),
                    Map.of(
                            "name",
                            "Customer " + n,
                            "email",
                            shop.email(n),
                            "consents",
                            Map.of("email", true),
                            "tags",
                            List.of("baseline")));
            assertThat(contact.status()).as(contact.raw()).isEqualTo(201);
            if (n == 1) {
                contactTarget = contact.body().path("id").asText();
            }
        }
        // A platform of its own for the campaign that no probe watches, so no outage ever starts a run of it.
        campaignTarget = shop.emailCampaign("custom-fuzzc-" + suffix);
        Http.Reply dryRun = Http.post(
                shop.outreach("/api/v1/campaigns/" + campaignTarget + "/runs"), shop.auth(), Map.of("dryRun", true));
        assertThat(dryRun.status()).as(dryRun.raw()).isEqualTo(202);
        runTarget = dryRun.body().path("id").asText();
        ownPlatform = "custom-fuzzm-" + suffix;
        Http.Reply platform = Business.eventually(
                Duration.ofSeconds(90),
                () -> Http.post(
                        monitor("/api/v1/tenant/platforms"),
                        shop.auth(),
                        Map.of("id", ownPlatform, "name", "Fuzz shop")),
                reply -> reply.status() == 201);
        assertThat(platform.status()).as(platform.raw()).isEqualTo(201);
        Http.Reply deps = Http.send(
                "PUT",
                monitor("/api/v1/tenant/dependencies"),
                shop.auth(),
                "application/json",
                "{\"platformIds\":[\"instagram\"]}");
        assertThat(deps.status()).as(deps.raw()).isEqualTo(200);
    }

    /** What the two tenants hold, as their owners see it over the API. */
    record Snapshot(
            Map<String, JsonNode> contacts,
            Map<String, JsonNode> formContacts,
            Map<String, JsonNode> campaigns,
            Set<String> runs,
            Set<String> platforms,
            Set<String> probes,
            JsonNode dependencies) {}

    private Snapshot snapshot() {
        Map<String, JsonNode> formContacts = new LinkedHashMap<>();
        forms.forEach(form -> formContacts.putAll(export(form)));
        return new Snapshot(
                export(shop),
                formContacts,
                byId(get(shop.outreach("/api/v1/campaigns"))),
                byId(get(shop.outreach("/api/v1/campaigns/" + campaignTarget + "/runs")))
                        .keySet(),
                byId(get(monitor("/api/v1/tenant/platforms"))).keySet(),
                byId(get(monitor("/api/v1/tenant/platforms/" + ownPlatform + "/probes")))
                        .keySet(),
                get(monitor("/api/v1/tenant/dependencies")));
    }

    private Map<String, JsonNode> export(Business business) {
        Http.Reply export = Http.get(business.contacts("/api/v1/contacts/export?format=json"), business.auth());
        assertThat(export.status()).as(export.raw()).isEqualTo(200);
        return byId(export.body());
    }

    private JsonNode get(String url) {
        Http.Reply reply = Http.get(url, shop.auth());
        assertThat(reply.status()).as(url + ": " + reply.raw()).isEqualTo(200);
        return reply.body();
    }

    private static Map<String, JsonNode> byId(JsonNode array) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        array.forEach(item -> out.put(item.path("id").asText(), item));
        return out;
    }

    private String monitor(String path) {
        return system.monitor().baseUrl() + path;
    }

    // ---------------------------------------------------------------- what 2xx answers created

    /** Everything a 2xx answer said it created or changed; the only things allowed to differ afterwards. */
    static final class Created {
        final Set<String> contacts = Collections.synchronizedSet(new HashSet<>());
        final Set<String> importJobs = Collections.synchronizedSet(new LinkedHashSet<>());
        final Set<String> campaigns = Collections.synchronizedSet(new HashSet<>());
        final Set<String> runs = Collections.synchronizedSet(new HashSet<>());
        final Set<String> platforms = Collections.synchronizedSet(new HashSet<>());
        final Set<String> probes = Collections.synchronizedSet(new HashSet<>());
        final Set<String> importEmails = Collections.synchronizedSet(new HashSet<>());
        final AtomicInteger formCaptures = new AtomicInteger();
        volatile boolean contactTargetChanged;
        volatile boolean campaignTargetChanged;
        volatile boolean dependenciesChanged;
    }

    private void check(Outcome outcome, List<String> failures, Created created) {
        Case fuzz = outcome.fuzz();
        RawHttp.Response response = outcome.response();
        if (response == null) {
            if (!fuzz.transport()) {
                failures.add("no answer: " + fuzz.describe() + ": " + outcome.error());
            }
            return;
        }
        int status = response.status();
        String problem =
                " -> " + status + " " + response.header("content-type") + " " + abbreviate(response.text(), 300);
        if (status >= 500) {
            failures.add("5xx: " + fuzz.describe() + problem);
            return;
        }
        if (status < 300) {
            if (fuzz.badAuth()) {
                failures.add("accepted without a valid key: " + fuzz.describe() + problem);
            } else if (fuzz.expectField() != null) {
                failures.add(
                        "accepted a body that is wrong in " + fuzz.expectField() + ": " + fuzz.describe() + problem);
            }
            record(fuzz, response, created);
            return;
        }
        if (status < 400) {
            return;
        }
        boolean isProblem = isProblem(response);
        if (!isProblem) {
            String type = String.valueOf(response.header("content-type"));
            if (fuzz.kind() == Kind.HTML && type.startsWith("text/html")) {
                return;
            }
            if (fuzz.transport()) {
                return;
            }
            failures.add("not a problem: " + fuzz.describe() + problem);
            return;
        }
        JsonNode body = response.json();
        if (body == null
                || body.path("status").asInt(-1) != status
                || body.path("title").asText("").isBlank()) {
            failures.add("problem without status/title: " + fuzz.describe() + problem);
            return;
        }
        if (status == 400 || status == 422) {
            JsonNode errors = body.path("errors");
            boolean named = errors.isArray()
                    && !errors.isEmpty()
                    && StreamSupport.stream(errors.spliterator(), false)
                            .allMatch(e -> e.path("field").isTextual());
            if (!named) {
                failures.add("field not named: " + fuzz.describe() + problem);
            } else if (fuzz.expectField() != null
                    && !fuzz.badAuth()
                    && StreamSupport.stream(errors.spliterator(), false)
                            .map(e -> e.path("field").asText())
                            .noneMatch(f -> f.equals(fuzz.expectField())
                                    || f.startsWith(fuzz.expectField() + ".")
                                    || f.startsWith(fuzz.expectField() + "["))) {
                failures.add("wrong field named (expected " + fuzz.expectField() + "): " + fuzz.describe() + problem);
            }
        }
    }

    private static boolean isProblem(RawHttp.Response response) {
        return String.valueOf(response.header("content-type")).startsWith("application/problem+json");
    }

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+");

    private void record(Case fuzz, RawHttp.Response response, Created created) {
        JsonNode body = response.json();
        String id = body == null ? "" : body.path("id").asText("");
        String group = fuzz.group();
        if (group.startsWith("contact.create")) {
            created.contacts.add(id);
        } else if (group.startsWith("contact.import") || group.startsWith("import.auth")) {
            created.importJobs.add(id);
            var emails = EMAIL.matcher(new String(fuzz.body(), StandardCharsets.UTF_8));
            while (emails.find()) {
                created.importEmails.add(emails.group().toLowerCase(Locale.ROOT));
            }
        } else if (group.equals("contact.patch")) {
            created.contactTargetChanged = true;
        } else if (group.startsWith("public.capture") || group.equals("form.submit")) {
            created.formCaptures.incrementAndGet();
        } else if (group.startsWith("campaign.create")) {
            created.campaigns.add(id);
        } else if (group.equals("campaign.replace")) {
            created.campaignTargetChanged = true;
        } else if (group.startsWith("run.trigger")) {
            created.runs.add(id);
        } else if (group.equals("platform.create")) {
            created.platforms.add(id);
        } else if (group.equals("probe.create")) {
            created.probes.add(id);
        } else if (group.equals("dependencies.replace")) {
            created.dependenciesChanged = true;
        } else if (group.equals("admin.tenant.create")) {
            IssuedSecrets.add(body == null ? null : body.path("apiKey").asText(null));
        }
    }

    /** Compares the tenants with the snapshot: only what a 2xx answer created may be new or changed. */
    private List<String> storedNothingElse(Snapshot before, Created created) {
        List<String> findings = new ArrayList<>();
        long imported = 0;
        for (String job : created.importJobs) {
            Http.Reply done = Business.eventually(
                    Duration.ofMinutes(2),
                    () -> Http.get(shop.contacts("/api/v1/contacts/imports/" + job), shop.auth()),
                    reply -> reply.status() == 200
                            && List.of("done", "failed")
                                    .contains(reply.body().path("state").asText()));
            if (!"done".equals(done.body().path("state").asText())) {
                findings.add("stored: an accepted import did not finish: " + abbreviate(done.raw(), 300));
            }
            imported += done.body().path("imported").asLong();
        }
        Snapshot after = snapshot();
        // Contacts: the baseline unchanged, plus exactly the created and imported ones.
        for (Map.Entry<String, JsonNode> contact : after.contacts().entrySet()) {
            JsonNode was = before.contacts().get(contact.getKey());
            if (was != null) {
                boolean mayChange = contact.getKey().equals(contactTarget) && created.contactTargetChanged;
                if (!mayChange && !was.equals(contact.getValue())) {
                    findings.add("stored: contact changed by refused requests: " + was + " -> " + contact.getValue());
                }
            } else if (!created.contacts.contains(contact.getKey())
                    && !created.importEmails.contains(
                            contact.getValue().path("email").asText("").toLowerCase(Locale.ROOT))) {
                findings.add("stored: contact no 2xx answer created: "
                        + abbreviate(contact.getValue().toString(), 300));
            }
            replacementCharacters("contact", contact.getValue(), findings);
        }
        long expected = before.contacts().size()
                + created.contacts.stream()
                        .filter(id -> !before.contacts().containsKey(id))
                        .count()
                + imported;
        if (after.contacts().size() != expected) {
            findings.add("stored: " + after.contacts().size() + " contacts, expected " + expected + " (baseline "
                    + before.contacts().size() + ", created " + created.contacts.size() + ", imported " + imported
                    + ")");
        }
        // The public form's tenant: at most one contact per accepted sign-up, each with a consent, nothing undecodable.
        if (after.formContacts().size() > created.formCaptures.get()) {
            findings.add("stored: " + after.formContacts().size() + " form contacts from " + created.formCaptures.get()
                    + " accepted sign-ups");
        }
        for (JsonNode contact : after.formContacts().values()) {
            replacementCharacters("form contact", contact, findings);
            if (!contact.path("consents").toString().matches(".*\"(pending|confirmed)\".*")) {
                findings.add("stored: form contact without consent: " + abbreviate(contact.toString(), 300));
            }
        }
        // Campaigns, runs, platforms, probes, dependencies.
        for (Map.Entry<String, JsonNode> campaign : after.campaigns().entrySet()) {
            JsonNode was = before.campaigns().get(campaign.getKey());
            if (was == null && !created.campaigns.contains(campaign.getKey())) {
                findings.add("stored: campaign no 2xx answer created: "
                        + abbreviate(campaign.getValue().toString(), 300));
            } else if (was != null && !created.campaignTargetChanged && !was.equals(campaign.getValue())) {
                findings.add("stored: campaign changed by refused requests: " + was + " -> " + campaign.getValue());
            }
            replacementCharacters("campaign", campaign.getValue(), findings);
        }
        extra("run", after.runs(), before.runs(), created.runs, findings);
        extra("platform", after.platforms(), before.platforms(), created.platforms, findings);
        extra("probe", after.probes(), before.probes(), created.probes, findings);
        if (!created.dependenciesChanged && !before.dependencies().equals(after.dependencies())) {
            findings.add("stored: dependencies changed by refused requests: " + before.dependencies() + " -> "
                    + after.dependencies());
        }
        // Probes that a fuzz request happened to define validly would go on probing: remove them.
        for (String probe : after.probes()) {
            Http.delete(monitor("/api/v1/tenant/platforms/" + ownPlatform + "/probes/" + probe), shop.auth());
        }
        return findings;
    }

    private static void extra(
            String what, Set<String> after, Set<String> before, Set<String> created, List<String> findings) {
        for (String id : after) {
            if (!before.contains(id) && !created.contains(id)) {
                findings.add("stored: " + what + " " + id + " that no 2xx answer created");
            }
        }
    }

    private static void replacementCharacters(String what, JsonNode node, List<String> findings) {
        if (node.toString().contains("\uFFFD")) {
            findings.add("stored: " + what + " with U+FFFD (undecodable input kept as garbage): "
                    + abbreviate(node.toString(), 300));
        }
    }

    // ---------------------------------------------------------------- running

    private List<Outcome> run(List<Case> all) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Case fuzz : all) {
                futures.add(pool.submit(() -> {
                    try {
                        return new Outcome(
                                fuzz,
                                RawHttp.exchange(
                                        fuzz.base(), fuzz.method(), fuzz.target(), fuzz.headers(), fuzz.body()),
                                null);
                    } catch (IOException | RuntimeException e) {
                        return new Outcome(fuzz, null, e.toString());
                    }
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- generation

    /** A field of a JSON body and the kind of value it takes. */
    record Field(String name, char type) {}

    private static final String S = "S";

    private void generate() {
        String c = system.contacts().baseUrl();
        String m = system.monitor().baseUrl();
        String o = system.outreach().baseUrl();
        List<RawHttp.Header> tenant = auth(shop.apiKey);
        List<RawHttp.Header> admin = List.of(RawHttp.Header.of("X-Admin-Key", RunningSystem.ADMIN_KEY));

        // JSON bodies: (group, method, base, path, auth, template, fields, count, lenient = may be valid by chance)
        json(
                "contact.create",
                "POST",
                c,
                "/api/v1/contacts",
                tenant,
                n -> obj(
                        "name",
                        "Fuzz " + n,
                        "email",
                        "f" + n + "@" + shop.slug + ".example",
                        "consents",
                        obj("email", true),
                        "tags",
                        arr("fuzz"),
                        "locale",
                        "de",
                        "attributes",
                        obj("k", "v")),
                fields("name:S email:S phone:S consents:O consentText:S tags:L channelOrder:L "
                        + "locale:S timeZone:S source:S attributes:O"),
                260,
                true);
        json(
                "contact.patch",
                "PATCH",
                c,
                "/api/v1/contacts/" + contactTarget,
                tenant,
                n -> obj("name", "Patched " + n),
                fields(
                        "name:S email:S phone:S consents:O consentText:S tags:L channelOrder:L locale:S timeZone:S source:S attributes:O"),
                120,
                false);
        json(
                "admin.tenant.create",
                "POST",
                c,
                "/api/v1/admin/tenants",
                admin,
                n -> obj(
                        "name",
                        "Fuzz tenant " + n,
                        "slug",
                        "fz" + n + "-" + suffix,
                        "defaultRegion",
                        "DE",
                        "timeZone",
                        "Europe/Berlin",
                        "optInMode",
                        "single"),
                fields("name:S slug:S defaultRegion:S timeZone:S optInMode:S corsOrigins:L consentTexts:O"),
                120,
                true);
        json(
                "public.capture",
                "POST",
                c,
                n -> "/api/v1/public/" + form(n).slug + "/contacts",
                List.of(),
                n -> obj(
                        "name",
                        "Form " + n,
                        "email",
                        "p" + n + "@" + form(n).slug + ".example",
                        "emailConsent",
                        true,
                        "locale",
                        "de"),
                fields("name:S email:S phone:S emailConsent:B smsConsent:B locale:S website:S"),
                150,
                true);
        json(
                "campaign.create",
                "POST",
                o,
                "/api/v1/campaigns",
                tenant,
                n -> obj(
                        "name",
                        "Fuzz " + n,
                        "platformId",
                        "custom-fuzzc-" + suffix,
                        "channel",
                        "email",
                        "subject",
                        "Subject " + n,
                        "textBody",
                        "Hi {contact.name}",
                        "gracePeriod",
                        "PT1H",
                        "active",
                        false),
                fields("name:S platformId:S channel:E kind:E subject:S textBody:S "
                        + "htmlBody:S webhookUrl:S webhookSecret:S links:O tags:L gracePeriod:D quietHours:O active:B"),
                220,
                true);
        json(
                "campaign.create.whatsapp",
                "POST",
                o,
                "/api/v1/campaigns",
                tenant,
                n -> obj(
                        "name",
                        "Fuzz WhatsApp " + n,
                        "platformId",
                        "custom-fuzzc-" + suffix,
                        "channel",
                        "whatsapp",
                        "whatsappTemplate",
                        obj(
                                "name",
                                "outage_notice",
                                "language",
                                "en",
                                "bodyParameters",
                                arr("{contact.firstName}", "{outage.platform}")),
                        "gracePeriod",
                        "PT1H",
                        "active",
                        false),
                fields("name:S platformId:S channel:E whatsappTemplate:O gracePeriod:D active:B"),
                60,
                true);
        json(
                "campaign.replace",
                "PUT",
                o,
                "/api/v1/campaigns/" + campaignTarget,
                tenant,
                n -> obj(
                        "name",
                        "Replaced " + n,
                        "platformId",
                        "custom-fuzzc-" + suffix,
                        "channel",
                        "email",
                        "subject",
                        "S",
                        "textBody",
                        "T",
                        "active",
                        false),
                fields(
                        "name:S platformId:S channel:E kind:E subject:S textBody:S htmlBody:S links:O tags:L gracePeriod:D "
                                + "quietHours:O active:B"),
                110,
                false);
        json(
                "campaign.preview",
                "POST",
                o,
                "/api/v1/campaigns/" + campaignTarget + "/preview",
                tenant,
                n -> obj("platformId", "instagram"),
                fields("contactId:S platformId:S"),
                100,
                true);
        json(
                "run.trigger",
                "POST",
                o,
                "/api/v1/campaigns/" + campaignTarget + "/runs",
                tenant,
                n -> obj("dryRun", true),
                fields("dryRun:B platformId:S"),
                60,
                false);
        json(
                "platform.create",
                "POST",
                m,
                "/api/v1/tenant/platforms",
                tenant,
                n -> obj("id", "custom-fz" + n + "-" + suffix, "name", "Fuzz " + n),
                fields("id:S name:S"),
                110,
                true);
        json(
                "probe.create",
                "POST",
                m,
                "/api/v1/tenant/platforms/" + ownPlatform + "/probes",
                tenant,
                n -> obj(
                        "type",
                        "http",
                        "target",
                        "http://127.0.0.1:9/health",
                        "interval",
                        "PT1H",
                        "timeout",
                        "5s",
                        "retries",
                        1),
                fields("type:S target:S interval:S timeout:S retries:I latencyThreshold:S keyword:S jsonPointer:S "
                        + "expectedValue:S component:S"),
                160,
                true);
        json(
                "dependencies.replace",
                "PUT",
                m,
                "/api/v1/tenant/dependencies",
                tenant,
                n -> obj("platformIds", arr("instagram")),
                fields("platformIds:L"),
                80,
                false);
        // Only refused bodies or platforms that do not exist: a valid declaration would start a real outage.
        json(
                "outage.declare",
                "POST",
                m,
                "/api/v1/platforms/fz-nowhere-" + suffix + "/outages",
                admin,
                n -> obj("declaredBy", "fuzz", "reason", "r", "severity", "major"),
                fields("declaredBy:S reason:S severity:S"),
                60,
                true);
        json(
                "outage.resolve",
                "POST",
                m,
                "/api/v1/platforms/fz-nowhere-" + suffix + "/outages/current/resolve",
                admin,
                n -> obj("resolvedBy", "fuzz"),
                fields("resolvedBy:S"),
                40,
                true);

        csv(c, tenant, 160);
        formPosts(c, 120);
        twilioCallbacks(
                o,
                80,
                "twilio.status",
                "/webhooks/twilio/status",
                List.of(
                        n -> "MessageSid=SM" + n + "&MessageStatus=delivered&AccountSid=AC" + "0".repeat(32),
                        n -> "MessageSid=" + enc(random.pick(INJECTIONS))
                                + "&MessageStatus=undelivered&ErrorCode=21610",
                        n -> "MessageStatus=" + enc(random.pick(INJECTIONS))));
        twilioCallbacks(
                o,
                60,
                "twilio.inbound",
                "/webhooks/twilio/inbound",
                List.of(
                        n -> "MessageSid=SM" + n + "&From=%2B4915112345678&Body=STOP&AccountSid=AC" + "0".repeat(32),
                        n -> "MessageSid=SM" + n + "&From=" + enc(random.pick(INJECTIONS))
                                + "&Body=START&OptOutType=START",
                        n -> "From=%2B4915112345678&Body=" + enc(random.pick(INJECTIONS))));
        EmailWebhookFuzz emailWebhooks = new EmailWebhookFuzz(random);
        cases.addAll(emailWebhooks.sendgrid(o, 80));
        cases.addAll(emailWebhooks.dsn(o, 80));
        paths(c, m, o, tenant, admin);
        queries(c, m, o, tenant);
        headers(c, m, o);
        Collections.shuffle(cases, random);
    }

    private List<Field> fields(String spec) {
        List<Field> out = new ArrayList<>();
        for (String f : spec.split(" ")) {
            out.add(new Field(f.substring(0, f.indexOf(':')), f.charAt(f.indexOf(':') + 1)));
        }
        return out;
    }

    private interface Template {
        ObjectNode make(int n);
    }

    /**
     * Bodies for one JSON endpoint: every field once with a wrong type, with null, with an injection string and with
     * raw unicode edge bytes, plus the body-level mutations, then random ones up to {@code count}. {@code lenient}:
     * the endpoint may take some of them (a name with an emoji is a name); when false, only bodies that must be
     * refused are sent, because a 2xx would change what the test compares afterwards.
     */
    private void json(
            String group,
            String method,
            String base,
            String path,
            List<RawHttp.Header> auth,
            Template template,
            List<Field> fields,
            int count,
            boolean lenient) {
        json(group, method, base, n -> path, auth, template, fields, count, lenient);
    }

    private void json(
            String group,
            String method,
            String base,
            IntFunction<String> path,
            List<RawHttp.Header> auth,
            Template template,
            List<Field> fields,
            int count,
            boolean lenient) {
        Kind kind = Kind.API;
        List<Mutation> mutations = new ArrayList<>();
        for (Field field : fields) {
            mutations.add(n -> wrongType(template.make(n), field));
            if (lenient) {
                mutations.add(n -> nullField(template.make(n), field));
                if (field.type() == 'S') {
                    mutations.add(n -> injected(template.make(n), field));
                    mutations.add(n -> unicode(template.make(n), field));
                }
                mutations.add(n -> hugeNumber(template.make(n), field));
            }
        }
        mutations.add(n -> new Body(concat(new byte[] {'#'}, random.bytes(512)), null, "random bytes"));
        mutations.add(n -> new Body(garbageText(), null, "ascii garbage"));
        mutations.add(n -> truncated(template.make(n)));
        mutations.add(n -> new Body(nested(10_000, random.nextBoolean()), "body", "nested 10k"));
        mutations.add(n -> nestedInField(template.make(n), fields.get(0)));
        mutations.add(n -> oversized(template.make(n), fields.get(0)));
        if (!group.equals("run.trigger")) {
            // An empty or null body is a valid manual trigger (a real run): only for the endpoints where it is not.
            mutations.add(n -> topLevel());
            mutations.add(n -> new Body(new byte[0], null, "empty body"));
        }
        mutations.add(n -> trailing(template.make(n)));
        if (lenient) {
            mutations.add(n -> unknownField(template.make(n)));
            mutations.add(n -> duplicateKey(template.make(n), fields.get(0)));
            mutations.add(n -> padded(template.make(n)));
        }
        int made = 0;
        while (made < count) {
            int n = ++serial;
            Mutation mutation =
                    made < mutations.size() ? mutations.get(made) : mutations.get(random.nextInt(mutations.size()));
            Body body = mutation.make(n);
            List<RawHttp.Header> headers = new ArrayList<>();
            boolean badAuth = false;
            String contentType = "application/json";
            int roll = random.nextInt(100);
            if (!auth.isEmpty() && roll < 5) {
                headers.addAll(badAuth(auth.get(0).line()));
                badAuth = true;
            } else {
                headers.addAll(auth);
            }
            if (roll >= 95) {
                contentType = random.pick(WRONG_JSON_TYPES);
            }
            if (contentType != null) {
                headers.add(RawHttp.Header.of("Content-Type", contentType));
            }
            // A wrong Content-Type is answered before the body is read; the field is then not what is wrong.
            String expect = "application/json".equals(contentType) ? body.field() : null;
            cases.add(new Case(
                    group,
                    method,
                    base,
                    path.apply(n),
                    headers,
                    body.bytes(),
                    kind,
                    expect,
                    badAuth,
                    false,
                    body.note()
                            + (contentType == null || contentType.equals("application/json")
                                    ? ""
                                    : ", Content-Type " + contentType)));
            made++;
        }
    }

    /** A generated body, the field it breaks (when it breaks exactly one) and what was done to it. */
    record Body(byte[] bytes, String field, String note) {}

    private interface Mutation {
        Body make(int n);
    }

    private static final List<String> WRONG_JSON_TYPES = Arrays.asList(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "garbage",
            "application/json-patch+json",
            "multipart/form-data; boundary=x",
            "text/csv",
            null);

    static final List<String> INJECTIONS = List.of(
            "' OR 1=1 --",
            "'; DROP TABLE contact; --",
            "\" OR \"\"=\"",
            "1; SELECT pg_sleep(0) --",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "{#for x in 1000}{x}{/for}",
            "{#include base /}",
            "{inject:config}",
            "{config:['lifeline.admin-key']}",
            "{contact.getClass()}",
            "${lifeline.admin-key}",
            "${jndi:ldap://127.0.0.1/a}",
            "#{7*7}",
            "{{7*7}}",
            "../../../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "%2e%2e%2f%2e%2e%2f",
            "=cmd|' /C calc'!A0",
            "@SUM(1+1)",
            "\r\nX-Injected: yes",
            "null",
            "undefined",
            "NaN",
            "-1",
            "0x7fffffff",
            "☃",
            "\u202Egnp.exe",
            "\uFEFFbom",
            "e\u0301\u0301\u0301\u0301",
            "👩‍👩‍👧‍👦",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "\u0000",
            "a\u0000b",
            "\u0007\u001b[31mred",
            "x".repeat(5_000),
            " ",
            "\t\n");

    /** Raw UTF-8 edge sequences, put into JSON strings as bytes (not as escapes). */
    static final List<byte[]> RAW_UNICODE = List.of(
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // lone high surrogate, encoded
            new byte[] {(byte) 0xED, (byte) 0xBF, (byte) 0xBF}, // lone low surrogate, encoded
            new byte[] {(byte) 0xC3, 0x28}, // invalid continuation
            new byte[] {(byte) 0xFF, (byte) 0xFE}, // never valid in UTF-8
            new byte[] {(byte) 0xC0, (byte) 0x80}, // overlong NUL
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
            new byte[] {0x00}, // raw NUL
            new byte[] {(byte) 0xE2, (byte) 0x80, (byte) 0xAE}, // RTL override, valid
            new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, // emoji, valid
            new byte[] {0x65, (byte) 0xCC, (byte) 0x81, (byte) 0xCC, (byte) 0x81}, // combining marks, valid
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // BOM, valid

    private Body wrongType(ObjectNode body, Field field) {
        JsonNode value = switch (field.type()) {
            case 'S' -> random.pick(List.of(nodes.objectNode(), nodes.arrayNode(), obj("a", 1), arr(1, 2)));
            case 'B' -> random.pick(List.of(nodes.objectNode(), nodes.arrayNode(), nodes.textNode("maybe")));
            case 'L' -> random.pick(List.of(nodes.objectNode(), obj("a", "b"), nodes.numberNode(5)));
            case 'O' -> random.pick(List.of(nodes.textNode("x"), nodes.numberNode(5), arr("x")));
            case 'I' -> random.pick(List.of(nodes.objectNode(), nodes.arrayNode(), nodes.textNode("abc")));
            case 'D' -> random.pick(List.of(nodes.objectNode(), nodes.arrayNode(), nodes.textNode("forever")));
            case 'E' -> random.pick(List.of(nodes.objectNode(), nodes.arrayNode(), nodes.textNode("nope")));
            default -> throw new IllegalArgumentException(field.toString());
        };
        body.set(field.name(), value);
        return new Body(bytes(body), field.name(), "wrong type " + field.name() + "=" + value);
    }

    private Body nullField(ObjectNode body, Field field) {
        body.putNull(field.name());
        return new Body(bytes(body), null, "null " + field.name());
    }

    private Body injected(ObjectNode body, Field field) {
        String value = random.pick(INJECTIONS);
        body.put(field.name(), value);
        return new Body(bytes(body), null, "injection in " + field.name() + ": " + abbreviate(value, 40));
    }

    private Body unicode(ObjectNode body, Field field) {
        byte[] raw = random.pick(RAW_UNICODE);
        String marker = "@@RAW@@";
        body.put(field.name(), "x" + marker + "y");
        return new Body(
                replace(bytes(body), marker.getBytes(StandardCharsets.UTF_8), raw),
                null,
                "raw bytes " + hex(raw) + " in " + field.name());
    }

    private Body hugeNumber(ObjectNode body, Field field) {
        String number = random.pick(List.of(
                "1e999999",
                "-1e-999999",
                "99999999999999999999999999",
                "1" + "0".repeat(2_000),
                "-0",
                "1.7976931348623157E309",
                "9223372036854775808"));
        String marker = "\"@@NUM@@\"";
        body.put(field.name(), "@@NUM@@");
        return new Body(
                replace(
                        bytes(body),
                        marker.getBytes(StandardCharsets.UTF_8),
                        number.getBytes(StandardCharsets.US_ASCII)),
                null,
                "huge number " + abbreviate(number, 30) + " in " + field.name());
    }

    private Body truncated(ObjectNode body) {
        byte[] whole = bytes(body);
        int cut = 1 + random.nextInt(whole.length - 1);
        return new Body(Arrays.copyOf(whole, cut), null, "truncated at " + cut);
    }

    private Body trailing(ObjectNode body) {
        String garbage = random.pick(List.of("}", "]]]", " garbage", ",{}", "{\"a\":1}", "\u0000"));
        return new Body(concat(bytes(body), garbage.getBytes(StandardCharsets.UTF_8)), "body", "trailing " + garbage);
    }

    private Body unknownField(ObjectNode body) {
        body.put("zz" + random.nextInt(1000), "x");
        return new Body(bytes(body), null, "unknown field");
    }

    private Body duplicateKey(ObjectNode body, Field field) {
        String json = new String(bytes(body), StandardCharsets.UTF_8);
        json = "{\"" + field.name() + "\":{}," + json.substring(1);
        return new Body(json.getBytes(StandardCharsets.UTF_8), null, "duplicate key " + field.name());
    }

    private Body padded(ObjectNode body) {
        byte[] spaces = new byte[2 * 1024 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        return new Body(concat(spaces, bytes(body)), null, "2 MB of whitespace before a valid body");
    }

    private Body nestedInField(ObjectNode body, Field field) {
        String marker = "\"@@NEST@@\"";
        body.put(field.name(), "@@NEST@@");
        return new Body(
                replace(bytes(body), marker.getBytes(StandardCharsets.UTF_8), nested(10_000, random.nextBoolean())),
                null,
                "10k levels in " + field.name());
    }

    private Body oversized(ObjectNode body, Field field) {
        body.put(field.name(), "a".repeat(2 * 1024 * 1024));
        return new Body(bytes(body), null, "2 MB " + field.name());
    }

    private Body topLevel() {
        String value = random.pick(List.of("[]", "\"text\"", "123", "null", "true", "[{}]", "{\"\":\"\"}"));
        return new Body(value.getBytes(StandardCharsets.UTF_8), null, "top level " + value);
    }

    private static byte[] nested(int depth, boolean arrays) {
        StringBuilder sb = new StringBuilder(depth * 8);
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "[" : "{\"a\":");
        }
        sb.append("1");
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "]" : "}");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- CSV

    private void csv(String base, List<RawHttp.Header> auth, int count) {
        List<IntFunction<Body>> kinds = List.of(
                n -> new Body(
                        ("name,email\n\"Broken " + n + ",b" + n + "@x.example\nok,ok" + n + "@x.example\n")
                                .getBytes(StandardCharsets.UTF_8),
                        "row",
                        "unclosed quote"),
                n -> new Body(
                        ("name,email\nA\"b\"c,q" + n + "@x.example\n").getBytes(StandardCharsets.UTF_8),
                        null,
                        "quote inside field"),
                n -> new Body(
                        concat(
                                ("name,email\nX").getBytes(StandardCharsets.UTF_8),
                                concat(
                                        random.pick(RAW_UNICODE),
                                        (",u" + n + "@x.example\n").getBytes(StandardCharsets.UTF_8))),
                        null,
                        "raw bytes in a field"),
                n -> new Body(
                        concat(
                                ("name,email\n\"").getBytes(StandardCharsets.UTF_8),
                                concat(
                                        "y".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8),
                                        ("\",big" + n + "@x.example\n").getBytes(StandardCharsets.UTF_8))),
                        null,
                        "1 MB field"),
                n -> new Body(("foo,bar,baz\n1,2,3\n").getBytes(StandardCharsets.UTF_8), "header", "unknown columns"),
                n -> new Body(new byte[0], "header", "empty file"),
                n -> new Body("name,email\n".getBytes(StandardCharsets.UTF_8), null, "header only"),
                n -> new Body(
                        ("email,email\nd" + n + "@x.example,e" + n + "@x.example\n").getBytes(StandardCharsets.UTF_8),
                        null,
                        "duplicate column"),
                n -> new Body(random.bytes(2_000), null, "random bytes"),
                n -> new Body(
                        ("name,email\n" + ",".repeat(10_000) + "\n").getBytes(StandardCharsets.UTF_8),
                        null,
                        "10k columns"),
                n -> new Body(
                        ("name,email\n" + random.pick(INJECTIONS).replace("\u0000", "") + ",inj" + n + "-" + suffix
                                        + "@x.example\n")
                                .getBytes(StandardCharsets.UTF_8),
                        null,
                        "injection in name"),
                n -> new Body(
                        ("\uFEFFname;email\r\nSemi;colon" + n + "@x.example\r\n").getBytes(StandardCharsets.UTF_8),
                        null,
                        "semicolon separated"),
                n -> new Body(
                        ("name,email,email_consent\nZ,z" + n + "@x.example,perhaps\n").getBytes(StandardCharsets.UTF_8),
                        null,
                        "bad consent value"),
                n -> new Body(
                        ("name,email\n\"a\"\"b\r\n\"\"\",nl" + n + "@x.example\n").getBytes(StandardCharsets.UTF_8),
                        null,
                        "escaped quotes and newline"),
                n -> new Body(
                        concat("name,email\n".getBytes(StandardCharsets.UTF_8), random.bytes(300)),
                        null,
                        "random rows"));
        for (int i = 0; i < count; i++) {
            int n = ++serial;
            Body body = i < kinds.size()
                    ? kinds.get(i).apply(n)
                    : kinds.get(random.nextInt(kinds.size())).apply(n);
            String type = random.nextInt(10) < 8
                    ? "text/csv"
                    : random.pick(Arrays.asList(
                            "application/csv",
                            "text/plain",
                            "application/json",
                            "text/csv; charset=latin1",
                            "image/png",
                            null));
            List<RawHttp.Header> headers = new ArrayList<>(auth);
            if (type != null) {
                headers.add(RawHttp.Header.of("Content-Type", type));
            }
            String expect =
                    body.field() != null && body.field().equals("header") && "text/csv".equals(type) ? "header" : null;
            cases.add(new Case(
                    "contact.import",
                    "POST",
                    base,
                    "/api/v1/contacts/imports",
                    headers,
                    body.bytes(),
                    Kind.API,
                    expect,
                    false,
                    false,
                    body.note() + ", " + type));
        }
    }

    // ---------------------------------------------------------------- the hosted form

    private void formPosts(String base, int count) {
        List<BiFunction<Integer, String, String>> kinds = List.of(
                (n, slug) -> "name=" + enc(random.pick(INJECTIONS)) + "&email=h" + n + "%40" + slug
                        + ".example&emailConsent=on",
                (n, slug) -> "name=x&email=%ZZ&emailConsent=on",
                (n, slug) -> "name=%FF%FE%ED%A0%80&email=r" + n + "%40" + slug + ".example&emailConsent=on",
                (n, slug) -> "name=" + "a".repeat(1024 * 1024) + "&email=l" + n + "%40x.example&emailConsent=on",
                (n, slug) -> "email=" + enc(random.pick(INJECTIONS)) + "&emailConsent=on",
                (n, slug) -> "name=no+consent&email=n" + n + "%40" + slug + ".example",
                (n, slug) -> "phone=" + enc(random.pick(INJECTIONS)) + "&smsConsent=on",
                (n, slug) -> "&&&===&%&",
                (n, slug) -> "website=bot&name=bot&email=bot" + n + "%40x.example&emailConsent=on",
                (n, slug) -> new String(random.bytes(300), StandardCharsets.ISO_8859_1));
        for (int i = 0; i < count; i++) {
            int n = ++serial;
            String slug = form(n).slug;
            String body = i < kinds.size()
                    ? kinds.get(i).apply(n, slug)
                    : kinds.get(random.nextInt(kinds.size())).apply(n, slug);
            String type = random.nextInt(10) < 8
                    ? "application/x-www-form-urlencoded"
                    : random.pick(Arrays.asList("multipart/form-data", "application/json", "text/plain", null));
            List<RawHttp.Header> headers = new ArrayList<>();
            if (type != null) {
                headers.add(RawHttp.Header.of("Content-Type", type));
            }
            headers.add(RawHttp.Header.of("Accept", "text/html"));
            cases.add(new Case(
                    "form.submit",
                    "POST",
                    base,
                    "/f/" + slug,
                    headers,
                    body.getBytes(StandardCharsets.ISO_8859_1),
                    Kind.HTML,
                    null,
                    false,
                    false,
                    abbreviate(body, 60) + ", " + type));
        }
    }

    /**
     * Twilio's webhooks (the status callback, the incoming-message webhook) are public: what is not signed with the
     * account's auth token is refused (403 problem), changes no delivery or consent, and never answers 5xx, whatever
     * the body or its type.
     */
    private void twilioCallbacks(
            String base, int count, String group, String path, List<IntFunction<String>> endpointKinds) {
        List<IntFunction<String>> kinds = new ArrayList<>(endpointKinds);
        kinds.addAll(List.of(
                n -> "&&&===&%&",
                n -> "MessageSid=" + "S".repeat(100_000) + "&MessageStatus=delivered&Body=STOP",
                n -> new String(random.bytes(300), StandardCharsets.ISO_8859_1)));
        // Header values stay printable: control bytes in headers are the transport cases' business, not this
        // endpoint's.
        List<String> signatures = Arrays.asList(
                null,
                "",
                "0/KCTR6DLpKmkAf8muzZqo1nDgQ=",
                "' OR 1=1; drop table delivery; --",
                "%ZZ",
                "a".repeat(2_000));
        for (int i = 0; i < count; i++) {
            int n = ++serial;
            String body = (i < kinds.size() ? kinds.get(i) : kinds.get(random.nextInt(kinds.size()))).apply(n);
            String type = random.nextInt(10) < 8
                    ? "application/x-www-form-urlencoded"
                    : random.pick(Arrays.asList("multipart/form-data", "application/json", "text/plain", null));
            String signature = signatures.get(random.nextInt(signatures.size()));
            List<RawHttp.Header> headers = new ArrayList<>();
            if (type != null) {
                headers.add(RawHttp.Header.of("Content-Type", type));
            }
            if (signature != null) {
                headers.add(RawHttp.Header.of("X-Twilio-Signature", signature));
            }
            cases.add(new Case(
                    group,
                    "POST",
                    base,
                    path,
                    headers,
                    body.getBytes(StandardCharsets.ISO_8859_1),
                    Kind.API,
                    null,
                    true,
                    false,
                    abbreviate(body, 60) + ", " + type + ", signature " + abbreviate(String.valueOf(signature), 20)));
        }
    }

    private Business form(int n) {
        return forms.get(n % forms.size());
    }

    // ---------------------------------------------------------------- path parameters

    private List<String> badSegments() {
        List<String> segments = new ArrayList<>(List.of(
                "..%2F..%2Fetc%2Fpasswd",
                "%2e%2e",
                "..;",
                "%00",
                "%ZZ",
                "a".repeat(5_000),
                enc("' OR 1=1 --"),
                enc("<script>alert(1)</script>"),
                enc("{inject:config}"),
                enc("${jndi:ldap://x/a}"),
                "%F0%9F%98%80",
                "%E2%80%AE",
                "%ED%A0%80",
                "%FF%FE",
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString().toUpperCase(Locale.ROOT),
                "00000000-0000-0000-0000-000000000000",
                "-1",
                "9999999999999999999999",
                "null",
                "%20",
                enc(" ")));
        for (int i = 0; i < 4; i++) {
            segments.add(enc(new String(random.bytes(20), StandardCharsets.ISO_8859_1)));
        }
        return segments;
    }

    private void paths(String c, String m, String o, List<RawHttp.Header> tenant, List<RawHttp.Header> admin) {
        List<RawHttp.Header> json = new ArrayList<>(tenant);
        json.add(RawHttp.Header.of("Content-Type", "application/json"));
        List<RawHttp.Header> adminJson = new ArrayList<>(admin);
        adminJson.add(RawHttp.Header.of("Content-Type", "application/json"));
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        record Endpoint(
                String group,
                String method,
                String base,
                String template,
                List<RawHttp.Header> headers,
                byte[] body,
                Kind kind) {}
        List<Endpoint> endpoints = List.of(
                new Endpoint("contact.get", "GET", c, "/api/v1/contacts/{}", tenant, null, Kind.API),
                new Endpoint(
                        "contact.patch.path",
                        "PATCH",
                        c,
                        "/api/v1/contacts/{}",
                        json,
                        "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                        Kind.API),
                new Endpoint("contact.delete", "DELETE", c, "/api/v1/contacts/{}", tenant, null, Kind.API),
                new Endpoint("contact.consents", "GET", c, "/api/v1/contacts/{}/consents", tenant, null, Kind.API),
                new Endpoint(
                        "contact.resend", "POST", c, "/api/v1/contacts/{}/resend-confirmation", tenant, null, Kind.API),
                new Endpoint("import.get", "GET", c, "/api/v1/contacts/imports/{}", tenant, null, Kind.API),
                new Endpoint("admin.tenant.get", "GET", c, "/api/v1/admin/tenants/{}", admin, null, Kind.API),
                new Endpoint("admin.keys.get", "GET", c, "/api/v1/admin/tenants/{}/api-keys", admin, null, Kind.API),
                new Endpoint("admin.keys.issue", "POST", c, "/api/v1/admin/tenants/{}/api-keys", admin, null, Kind.API),
                new Endpoint(
                        "admin.keys.revoke",
                        "DELETE",
                        c,
                        "/api/v1/admin/tenants/{}/api-keys/{}",
                        admin,
                        null,
                        Kind.API),
                new Endpoint("form.page", "GET", c, "/f/{}", List.of(), null, Kind.HTML),
                new Endpoint("form.embed", "GET", c, "/f/{}/embed.js", List.of(), null, Kind.HTML),
                new Endpoint(
                        "public.capture.path",
                        "POST",
                        c,
                        "/api/v1/public/{}/contacts",
                        List.of(RawHttp.Header.of("Content-Type", "application/json")),
                        "{\"email\":\"x@y.example\",\"emailConsent\":true}".getBytes(StandardCharsets.UTF_8),
                        Kind.API),
                new Endpoint(
                        "public.preflight",
                        "OPTIONS",
                        c,
                        "/api/v1/public/{}/contacts",
                        List.of(RawHttp.Header.of("Origin", "https://evil.example")),
                        null,
                        Kind.API),
                new Endpoint("confirm.get", "GET", c, "/confirm/{}", List.of(), null, Kind.HTML),
                new Endpoint("confirm.post", "POST", c, "/confirm/{}", List.of(), null, Kind.HTML),
                new Endpoint(
                        "outage.declare.path", "POST", m, "/api/v1/platforms/{}/outages", adminJson, empty, Kind.API),
                new Endpoint(
                        "outage.resolve.path",
                        "POST",
                        m,
                        "/api/v1/platforms/{}/outages/current/resolve",
                        adminJson,
                        empty,
                        Kind.API),
                new Endpoint("outage.history", "GET", m, "/api/v1/platforms/{}/outages", List.of(), null, Kind.API),
                new Endpoint(
                        "probe.results", "GET", m, "/api/v1/platforms/{}/probe-results", List.of(), null, Kind.API),
                new Endpoint("probe.list", "GET", m, "/api/v1/tenant/platforms/{}/probes", tenant, null, Kind.API),
                new Endpoint(
                        "probe.create.path", "POST", m, "/api/v1/tenant/platforms/{}/probes", json, empty, Kind.API),
                new Endpoint(
                        "probe.delete",
                        "DELETE",
                        m,
                        "/api/v1/tenant/platforms/" + ownPlatform + "/probes/{}",
                        tenant,
                        null,
                        Kind.API),
                new Endpoint("campaign.get", "GET", o, "/api/v1/campaigns/{}", tenant, null, Kind.API),
                new Endpoint("campaign.put.path", "PUT", o, "/api/v1/campaigns/{}", json, empty, Kind.API),
                new Endpoint("campaign.delete", "DELETE", o, "/api/v1/campaigns/{}", tenant, null, Kind.API),
                new Endpoint("campaign.preview.path", "POST", o, "/api/v1/campaigns/{}/preview", json, empty, Kind.API),
                new Endpoint("campaign.runs", "GET", o, "/api/v1/campaigns/{}/runs", tenant, null, Kind.API),
                new Endpoint(
                        "run.trigger.path",
                        "POST",
                        o,
                        "/api/v1/campaigns/{}/runs",
                        json,
                        "{\"dryRun\":true}".getBytes(StandardCharsets.UTF_8),
                        Kind.API),
                new Endpoint("run.get", "GET", o, "/api/v1/runs/{}", tenant, null, Kind.API),
                new Endpoint("run.cancel", "POST", o, "/api/v1/runs/{}/cancel", tenant, null, Kind.API),
                new Endpoint("run.deliveries", "GET", o, "/api/v1/runs/{}/deliveries", tenant, null, Kind.API),
                new Endpoint("unsubscribe.get", "GET", o, "/unsubscribe/{}", List.of(), null, Kind.HTML),
                new Endpoint("unsubscribe.post", "POST", o, "/unsubscribe/{}", List.of(), null, Kind.HTML));
        for (Endpoint endpoint : endpoints) {
            for (String segment : badSegments()) {
                String target = endpoint.template().replace("{}", segment);
                cases.add(new Case(
                        endpoint.group(),
                        endpoint.method(),
                        endpoint.base(),
                        target,
                        endpoint.headers(),
                        endpoint.body(),
                        endpoint.kind(),
                        null,
                        false,
                        false,
                        "path " + abbreviate(segment, 40)));
            }
            // Dot segments that are not encoded: whatever they resolve to, the caller's key is still all it has.
            String raw = endpoint.template()
                    .replace("{}", "..%2F" + random.pick(List.of("..", "x")) + "/../../../q/metrics");
            cases.add(new Case(
                    endpoint.group(),
                    endpoint.method(),
                    endpoint.base(),
                    raw,
                    endpoint.headers(),
                    endpoint.body(),
                    endpoint.kind(),
                    null,
                    false,
                    true,
                    "dot segments"));
        }
    }

    // ---------------------------------------------------------------- query strings

    private void queries(String c, String m, String o, List<RawHttp.Header> tenant) {
        List<String> values = new ArrayList<>(List.of(
                "",
                "0",
                "-1",
                "501",
                "1001",
                "abc",
                "1e3",
                "99999999999999999999",
                "%00",
                "%ZZ",
                "%FF",
                enc("' OR 1=1 --"),
                enc("<script>"),
                "a".repeat(3_000),
                enc("email:"),
                enc("email:bogus"),
                enc(":"),
                enc("sms:confirmed:x"),
                enc("2026-13-45T99:99:99Z"),
                enc("{inject:config}")));
        for (int i = 0; i < 3; i++) {
            values.add(enc(new String(random.bytes(12), StandardCharsets.ISO_8859_1)));
        }
        for (String value : values) {
            for (String param : List.of("limit", "cursor", "tag", "consent", "updatedSince", "q")) {
                cases.add(new Case(
                        "contact.list",
                        "GET",
                        c,
                        "/api/v1/contacts?" + param + "=" + value,
                        tenant,
                        null,
                        Kind.API,
                        null,
                        false,
                        false,
                        "query " + param));
            }
            cases.add(new Case(
                    "contact.export",
                    "GET",
                    c,
                    "/api/v1/contacts/export?format=" + value,
                    tenant,
                    null,
                    Kind.API,
                    null,
                    false,
                    false,
                    "query format"));
            cases.add(new Case(
                    "run.deliveries.query",
                    "GET",
                    o,
                    "/api/v1/runs/" + runTarget + "/deliveries?limit=" + value + "&offset=" + value,
                    tenant,
                    null,
                    Kind.API,
                    null,
                    false,
                    false,
                    "query limit/offset"));
            cases.add(new Case(
                    "outage.history.query",
                    "GET",
                    m,
                    "/api/v1/platforms/instagram/outages?limit=" + value,
                    List.of(),
                    null,
                    Kind.API,
                    null,
                    false,
                    false,
                    "query limit"));
            cases.add(new Case(
                    "probe.results.query",
                    "GET",
                    m,
                    "/api/v1/platforms/instagram/probe-results?limit=" + value,
                    List.of(),
                    null,
                    Kind.API,
                    null,
                    false,
                    false,
                    "query limit"));
        }
    }

    // ---------------------------------------------------------------- headers

    private void headers(String c, String m, String o) {
        byte[] contact = "{\"name\":\"H\",\"email\":\"h@h.example\",\"consents\":{\"email\":true}}"
                .getBytes(StandardCharsets.UTF_8);
        record Target(String group, String method, String base, String path, byte[] body) {}
        List<Target> targets = List.of(
                new Target("contact.list.auth", "GET", c, "/api/v1/contacts", null),
                new Target("contact.create.auth", "POST", c, "/api/v1/contacts", contact),
                new Target("contact.export.auth", "GET", c, "/api/v1/contacts/export", null),
                new Target(
                        "import.auth",
                        "POST",
                        c,
                        "/api/v1/contacts/imports",
                        "name,email\nx,x@x.example\n".getBytes(StandardCharsets.UTF_8)),
                new Target("platforms.auth", "GET", m, "/api/v1/tenant/platforms", null),
                new Target("dependencies.auth", "GET", m, "/api/v1/tenant/dependencies", null),
                new Target("campaigns.auth", "GET", o, "/api/v1/campaigns", null),
                new Target("run.auth", "GET", o, "/api/v1/runs/" + runTarget, null));
        byte[] key = shop.apiKey.getBytes(StandardCharsets.UTF_8);
        for (Target target : targets) {
            // Keys that are not the tenant's: all 401, never 2xx.
            for (List<RawHttp.Header> bad : badAuthVariants(key)) {
                List<RawHttp.Header> headers = new ArrayList<>(bad);
                if (target.body() != null) {
                    headers.add(RawHttp.Header.of(
                            "Content-Type", target.group().startsWith("import") ? "text/csv" : "application/json"));
                }
                boolean transport = bad.stream().anyMatch(h -> h.line().length > 8_000 || hasControl(h.line()));
                cases.add(new Case(
                        target.group(),
                        target.method(),
                        target.base(),
                        target.path(),
                        headers,
                        target.body(),
                        Kind.API,
                        null,
                        true,
                        transport,
                        "auth "
                                + abbreviate(
                                        new String(
                                                bad.isEmpty()
                                                        ? new byte[0]
                                                        : bad.get(0).line(),
                                                StandardCharsets.ISO_8859_1),
                                        50)));
            }
            // Hostile headers with the right key: refused or ignored, never a 5xx.
            for (List<RawHttp.Header> hostile : hostileHeaders()) {
                List<RawHttp.Header> headers = new ArrayList<>(auth(shop.apiKey));
                headers.addAll(hostile);
                if (target.body() != null
                        && hostile.stream()
                                .noneMatch(h -> new String(h.line(), StandardCharsets.ISO_8859_1)
                                        .toLowerCase(Locale.ROOT)
                                        .startsWith("content-type"))) {
                    headers.add(RawHttp.Header.of(
                            "Content-Type", target.group().startsWith("import") ? "text/csv" : "application/json"));
                }
                cases.add(new Case(
                        target.group() + ".headers",
                        target.method(),
                        target.base(),
                        target.path(),
                        headers,
                        target.body() == null
                                ? null
                                : target.group().startsWith("contact.create") ? uniqueContact() : target.body(),
                        Kind.API,
                        null,
                        false,
                        true,
                        "headers " + abbreviate(new String(hostile.get(0).line(), StandardCharsets.ISO_8859_1), 50)));
            }
        }
        // Admin endpoints without the operator's key: never 2xx.
        byte[] declare = "{\"declaredBy\":\"x\",\"reason\":\"y\"}".getBytes(StandardCharsets.UTF_8);
        for (List<RawHttp.Header> bad : List.of(
                List.<RawHttp.Header>of(),
                List.of(RawHttp.Header.of("X-Admin-Key", "")),
                List.of(RawHttp.Header.of("X-Admin-Key", RunningSystem.ADMIN_KEY + "x")),
                List.of(RawHttp.Header.of("X-Admin-Key", RunningSystem.ADMIN_KEY.toUpperCase(Locale.ROOT))),
                List.of(RawHttp.Header.of("Authorization", "Bearer " + shop.apiKey)),
                List.of(RawHttp.Header.raw(
                        "X-Admin-Key", new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80})))) {
            List<RawHttp.Header> json = new ArrayList<>(bad);
            json.add(RawHttp.Header.of("Content-Type", "application/json"));
            cases.add(new Case(
                    "admin.auth",
                    "POST",
                    c,
                    "/api/v1/admin/tenants",
                    json,
                    ("{\"name\":\"x\",\"slug\":\"fzadm-" + suffix + "\",\"defaultRegion\":\"DE\",\"timeZone\":\"UTC\"}")
                            .getBytes(StandardCharsets.UTF_8),
                    Kind.API,
                    null,
                    true,
                    false,
                    "admin key"));
            cases.add(new Case(
                    "admin.auth",
                    "GET",
                    c,
                    "/api/v1/admin/tenants/" + shop.tenantId,
                    bad,
                    null,
                    Kind.API,
                    null,
                    true,
                    false,
                    "admin key"));
            cases.add(new Case(
                    "admin.auth",
                    "POST",
                    c,
                    "/api/v1/admin/tenants/" + shop.tenantId + "/api-keys",
                    bad,
                    null,
                    Kind.API,
                    null,
                    true,
                    false,
                    "admin key"));
            cases.add(new Case(
                    "admin.auth",
                    "POST",
                    m,
                    "/api/v1/platforms/fz-nowhere-" + suffix + "/outages",
                    json,
                    declare,
                    Kind.API,
                    null,
                    true,
                    false,
                    "admin key"));
            cases.add(new Case(
                    "admin.auth",
                    "POST",
                    m,
                    "/api/v1/platforms/fz-nowhere-" + suffix + "/outages/current/resolve",
                    json,
                    "{\"resolvedBy\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                    Kind.API,
                    null,
                    true,
                    false,
                    "admin key"));
        }
    }

    private byte[] uniqueContact() {
        int n = ++serial;
        return ("{\"name\":\"H\",\"email\":\"hdr" + n + "@" + shop.slug + ".example\",\"consents\":{\"email\":true}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private List<List<RawHttp.Header>> badAuthVariants(byte[] key) {
        byte[] altered = key.clone();
        altered[key.length - 1] = (byte) (altered[key.length - 1] == 'A' ? 'B' : 'A');
        String lookalike = "ll_" + base64url(random.bytes(32));
        return List.of(
                List.of(),
                List.of(RawHttp.Header.of("Authorization", "Bearer")),
                List.of(RawHttp.Header.of("Authorization", "Bearer " + lookalike)),
                List.of(RawHttp.Header.raw(
                        "Authorization", concat("Bearer ".getBytes(StandardCharsets.US_ASCII), altered))),
                List.of(RawHttp.Header.raw(
                        "Authorization",
                        concat(
                                "Bearer ".getBytes(StandardCharsets.US_ASCII),
                                concat(key, "x".getBytes(StandardCharsets.US_ASCII))))),
                List.of(RawHttp.Header.of("Authorization", "Basic " + base64url("user:" + shop.apiKey))),
                List.of(RawHttp.Header.of("Authorization", "Bearer " + shop.apiKey.substring(3))),
                List.of(RawHttp.Header.of("Authorization", "Bearer " + shop.apiKey.toUpperCase(Locale.ROOT))),
                List.of(RawHttp.Header.of("Authorization", "Bearer ' OR 1=1 --")),
                List.of(RawHttp.Header.of("X-Api-Key", lookalike)),
                List.of(RawHttp.Header.of("X-Api-Key", "%00")),
                List.of(RawHttp.Header.raw(
                        "Authorization",
                        concat(
                                "Bearer ll_".getBytes(StandardCharsets.US_ASCII),
                                "\u00e9\u00e8\u202e\ud83d\ude00".getBytes(StandardCharsets.UTF_8)))),
                List.of(RawHttp.Header.of("Authorization", "Bearer " + "A".repeat(16_000))),
                List.of(RawHttp.Header.raw(
                        "Authorization", new byte[] {'B', 'e', 'a', 'r', 'e', 'r', ' ', 'l', 'l', '_', 0x00, 0x01})));
    }

    private List<List<RawHttp.Header>> hostileHeaders() {
        List<RawHttp.Header> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(RawHttp.Header.of("X-Fuzz-" + i, "v" + i));
        }
        return List.of(
                List.of(RawHttp.Header.of("X-Fuzz", "b".repeat(64 * 1024))),
                many,
                List.of(RawHttp.Header.raw("X-Fuzz", "\u202E\u0000\ud83d\ude00".getBytes(StandardCharsets.UTF_8))),
                List.of(RawHttp.Header.raw(
                        "X-Fuzz", new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80})),
                List.of(new RawHttp.Header("Bad Header Name: x".getBytes(StandardCharsets.US_ASCII))),
                List.of(new RawHttp.Header("NoColonAtAll".getBytes(StandardCharsets.US_ASCII))),
                List.of(RawHttp.Header.of("Accept", "application/xml")),
                List.of(RawHttp.Header.of("Accept", "garbage/// ;;; q=x")),
                List.of(RawHttp.Header.of("Accept-Charset", "ebcdic")),
                List.of(RawHttp.Header.of("Content-Type", "application/json; charset=utf-16")),
                List.of(RawHttp.Header.of("Content-Type", "application/json;;;==")),
                List.of(RawHttp.Header.of("Content-Encoding", "gzip")),
                List.of(RawHttp.Header.of("X-Forwarded-For", "' OR 1=1 --, <script>")),
                List.of(RawHttp.Header.of("X-HTTP-Method-Override", "DELETE")),
                List.of(RawHttp.Header.of("Origin", "null")));
    }

    private List<RawHttp.Header> badAuth(byte[] goodLine) {
        List<List<RawHttp.Header>> variants = badAuthVariants(shop.apiKey.getBytes(StandardCharsets.UTF_8));
        if (new String(goodLine, StandardCharsets.ISO_8859_1).startsWith("X-Admin-Key")) {
            return List.of(RawHttp.Header.of("X-Admin-Key", RunningSystem.ADMIN_KEY + "x"));
        }
        List<RawHttp.Header> pick = variants.get(random.nextInt(variants.size()));
        while (pick.stream().anyMatch(h -> h.line().length > 8_000 || hasControl(h.line()))) {
            pick = variants.get(random.nextInt(variants.size()));
        }
        return pick;
    }

    private static List<RawHttp.Header> auth(String key) {
        return List.of(RawHttp.Header.of("Authorization", "Bearer " + key));
    }

    // ---------------------------------------------------------------- small helpers

    private ObjectNode obj(Object... pairs) {
        ObjectNode node = nodes.objectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.set((String) pairs[i], Http.JSON.valueToTree(pairs[i + 1]));
        }
        return node;
    }

    private ArrayNode arr(Object... values) {
        ArrayNode node = nodes.arrayNode();
        for (Object value : values) {
            node.add(Http.JSON.<JsonNode>valueToTree(value));
        }
        return node;
    }

    private byte[] garbageText() {
        StringBuilder sb = new StringBuilder("~");
        int length = 1 + random.nextInt(300);
        for (int i = 0; i < length; i++) {
            sb.append((char) (32 + random.nextInt(95)));
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return Http.JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] replace(byte[] data, byte[] marker, byte[] with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        outer:
        for (int i = 0; i < data.length; i++) {
            if (i <= data.length - marker.length) {
                for (int j = 0; j < marker.length; j++) {
                    if (data[i + j] != marker[j]) {
                        out.write(data[i]);
                        continue outer;
                    }
                }
                out.writeBytes(with);
                i += marker.length - 1;
            } else {
                out.write(data[i]);
            }
        }
        return out.toByteArray();
    }

    private static boolean hasControl(byte[] line) {
        for (byte b : line) {
            if ((b >= 0 && b < 32 && b != '\t') || b == 127) {
                return true;
            }
        }
        return false;
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02X", b));
        }
        return sb.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String base64url(String s) {
        return base64url(s.getBytes(StandardCharsets.UTF_8));
    }

    static String abbreviate(String s, int max) {
        String flat = s == null ? "null" : s.replace("\r", "\\r").replace("\n", "\\n");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…(" + flat.length() + ")";
    }
}
