package dev.lifeline.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.system.Http;
import dev.lifeline.system.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenants, keys and links, checked against the running services from outside, as an attacker with a valid key of
 * their own (or none) would try:
 * <ul>
 *     <li>Isolation, both ways between two fully set-up businesses: the other's contacts, consents, imports,
 *     campaigns, runs, deliveries, platforms, probes and dependencies are never read, listed, counted, exported,
 *     changed, deleted or merged into; its ids answer exactly like ids that never existed.</li>
 *     <li>API keys are stored only as SHA-256 hashes: no plaintext key in any text column of any of the three
 *     databases, and no admin answer shows one after issuing it.</li>
 *     <li>Signed links cannot be forged (random, or signed with the shipped default secrets), altered (one character,
 *     or a later expiry) or, for confirmation links, used after they expire: a link signed with the system's own
 *     secret and an expiry in the past is answered 410 (expiry itself is unit-tested in contact-service's
 *     ConfirmationTokensTest). Unsubscribe links carry no expiry by design (RFC 8058 one-click from old mails).</li>
 *     <li>The public form is rate-limited per IP ({@code lifeline.contact.per-ip-per-minute}, 20): the 21st sign-up
 *     within a minute gets 429 with Retry-After, on the JSON endpoint and on the hosted form.</li>
 *     <li>Admin endpoints (contact admin, monitor declare/resolve) answer 401 without the operator's key, with a
 *     wrong one, or with a tenant's key.</li>
 * </ul>
 */
@Order(50)
@TestInstance(Lifecycle.PER_CLASS)
class SecurityTest {

    static final String SECURITY_CHECKS = "security checks (keys, links, rate limit, admin)";
    private static final Duration WAIT = Duration.ofMinutes(2);

    private final RunningSystem system = SharedSystem.get();
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final List<String> failures = new ArrayList<>();
    private int isolationChecks;
    private int securityChecks;

    /** One business with something of every kind, as the other business would try to reach it. */
    record Estate(
            Business business,
            String contactId,
            String importJob,
            String campaignId,
            String runId,
            String dryRunId,
            String platformId,
            String probeId) {}

    private Estate a;
    private Estate b;

    /** Two fully set-up businesses, each the other's attacker. */
    @BeforeAll
    void twoBusinessesWithSomethingOfEveryKind() {
        a = estate("seca-" + suffix);
        b = estate("secb-" + suffix);
    }

    @BeforeEach
    void noFailuresYet() {
        failures.clear();
    }

    @Test
    @Order(1)
    void aBusinessNeverReachesAnotherBusinesssDataAndItsIdsLookUnknown() {
        isolation(a, b);
        isolation(b, a);
        assertNoFailures();
    }

    @Test
    @Order(2)
    void apiKeysAreStoredOnlyAsHashesAndNeverShownAgain() throws SQLException {
        keysStoredHashed(List.of(a.business(), b.business()));
        assertNoFailures();
    }

    @Test
    @Order(3)
    void confirmationLinksCannotBeForgedAlteredOrUsedAfterTheyExpire() {
        confirmationLinks();
        assertNoFailures();
    }

    @Test
    @Order(4)
    void unsubscribeLinksCannotBeForgedOrAltered() {
        unsubscribeLinks(b);
        assertNoFailures();
    }

    @Test
    @Order(5)
    void thePublicFormIsRateLimitedPerIpEvenWithASpoofedForwardedFor() {
        rateLimits();
        assertNoFailures();
    }

    @Test
    @Order(6)
    void adminEndpointsAnswerOnlyTheOperatorsKey() {
        adminEndpoints(a.business());
        assertNoFailures();
    }

    @AfterAll
    void countChecks() {
        Results.add(Results.ISOLATION_CHECKS, isolationChecks);
        Results.add(SECURITY_CHECKS, securityChecks);
        System.out.printf(
                "SecurityTest: %d isolation checks, %d other security checks%n", isolationChecks, securityChecks);
    }

    private void assertNoFailures() {
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    // ---------------------------------------------------------------- set-up

    private Estate estate(String slug) {
        Business business = Business.signUp(system, slug);
        IssuedSecrets.add(business.apiKey);
        Http.Reply contact = Http.post(
                business.contacts("/api/v1/contacts"),
                business.auth(),
                Map.of(
                        "name",
                        "Secret " + slug,
                        "email",
                        business.email(1),
                        "phone",
                        "+49 151 " + (10_000_000 + Math.abs(slug.hashCode() % 9_000_000)),
                        "consents",
                        Map.of("email", true),
                        "tags",
                        List.of("tag-" + slug)));
        assertThat(contact.status()).as(contact.raw()).isEqualTo(201);
        JsonNode job = business.importContacts(2);
        String campaign = business.emailCampaign("custom-secc-" + slug);
        business.awaitOutreachAudience(campaign, 2, WAIT);
        Http.Reply run =
                Http.post(business.outreach("/api/v1/campaigns/" + campaign + "/runs"), business.auth(), Map.of());
        assertThat(run.status()).as(run.raw()).isEqualTo(202);
        Http.Reply dryRun = Http.post(
                business.outreach("/api/v1/campaigns/" + campaign + "/runs"), business.auth(), Map.of("dryRun", true));
        assertThat(dryRun.status()).as(dryRun.raw()).isEqualTo(202);
        String platform = "custom-secm-" + slug;
        Http.Reply created = Business.eventually(
                WAIT,
                () -> Http.post(
                        monitor("/api/v1/tenant/platforms"),
                        business.auth(),
                        Map.of("id", platform, "name", "Shop of " + slug)),
                reply -> reply.status() == 201);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        Http.Reply probe = Http.post(
                monitor("/api/v1/tenant/platforms/" + platform + "/probes"),
                business.auth(),
                Map.of("type", "tcp", "target", "127.0.0.1:9", "interval", "PT1H", "timeout", "1s"));
        assertThat(probe.status()).as(probe.raw()).isEqualTo(201);
        Http.Reply deps = Http.send(
                "PUT",
                monitor("/api/v1/tenant/dependencies"),
                business.auth(),
                "application/json",
                "{\"platformIds\":[\"instagram\",\"" + platform + "\"]}");
        assertThat(deps.status()).as(deps.raw()).isEqualTo(200);
        // The real run's two e-mails, so that its deliveries exist.
        Inbox.Tally mailed = Inbox.await(system, business, business.emails(2), WAIT);
        assertThat(mailed.missing()).as(mailed.toString()).isEmpty();
        return new Estate(
                business,
                contact.body().path("id").asText(),
                job.path("id").asText(),
                campaign,
                run.body().path("id").asText(),
                dryRun.body().path("id").asText(),
                platform,
                probe.body().path("id").asText());
    }

    private String monitor(String path) {
        return system.monitor().baseUrl() + path;
    }

    // ---------------------------------------------------------------- isolation

    private void isolation(Estate attacker, Estate victim) {
        Business me = attacker.business();
        Business them = victim.business();
        String unknown = UUID.randomUUID().toString();
        JsonNode victimContact = Http.get(them.contacts("/api/v1/contacts/" + victim.contactId()), them.auth())
                .body();

        // contact-service: every way to a contact by id, like an id that never existed.
        sameAsUnknown(
                "contact get", "GET", them.contacts("/api/v1/contacts/"), victim.contactId(), unknown, "", me, null);
        sameAsUnknown(
                "contact consents",
                "GET",
                them.contacts("/api/v1/contacts/"),
                victim.contactId(),
                unknown,
                "/consents",
                me,
                null);
        sameAsUnknown(
                "contact patch",
                "PATCH",
                them.contacts("/api/v1/contacts/"),
                victim.contactId(),
                unknown,
                "",
                me,
                "{\"name\":\"hijacked\",\"consents\":{\"email\":false}}");
        sameAsUnknown(
                "contact resend",
                "POST",
                them.contacts("/api/v1/contacts/"),
                victim.contactId(),
                unknown,
                "/resend-confirmation",
                me,
                null);
        sameAsUnknown(
                "contact delete",
                "DELETE",
                them.contacts("/api/v1/contacts/"),
                victim.contactId(),
                unknown,
                "",
                me,
                null);
        sameAsUnknown(
                "import job",
                "GET",
                them.contacts("/api/v1/contacts/imports/"),
                victim.importJob(),
                unknown,
                "",
                me,
                null);
        JsonNode after = Http.get(them.contacts("/api/v1/contacts/" + victim.contactId()), them.auth())
                .body();
        isolated(
                "victim's contact unchanged after patch/delete/resend by another tenant",
                victimContact.equals(after),
                victimContact + " -> " + after);

        // Lists, searches, counts and exports hold none of the victim's data.
        String victimEmail = them.email(1);
        for (String query : List.of(
                "",
                "?q=" + victimEmail,
                "?q=" + them.slug,
                "?tag=tag-" + them.slug,
                "?limit=500",
                "?consent=email:confirmed")) {
            Http.Reply list = Http.get(me.contacts("/api/v1/contacts" + query), me.auth());
            isolated(
                    "contact list" + query + " holds only own contacts",
                    list.status() == 200 && !mentions(list.raw(), victim, them),
                    list.status() + " " + abbreviate(list.raw()));
        }
        for (String format : List.of("csv", "json")) {
            Http.Reply export = Http.get(me.contacts("/api/v1/contacts/export?format=" + format), me.auth());
            isolated(
                    "export " + format + " holds only own contacts",
                    export.status() == 200
                            && !mentions(export.raw(), victim, them)
                            && export.raw().contains(me.email(1)),
                    export.status() + " " + abbreviate(export.raw()));
        }
        // Creating a contact with the victim's e-mail makes a new contact of one's own, never a merge into theirs.
        Http.Reply same = Http.post(
                me.contacts("/api/v1/contacts"),
                me.auth(),
                Map.of("name", "Copycat", "email", victimEmail, "consents", Map.of("email", true)));
        isolated(
                "a create with another tenant's contact's e-mail is a new contact, not a merge",
                same.status() == 201
                        && !victim.contactId().equals(same.body().path("id").asText())
                        && same.header("X-Lifeline-Merged") == null,
                same.status() + " " + same.raw());
        JsonNode afterCopy = Http.get(them.contacts("/api/v1/contacts/" + victim.contactId()), them.auth())
                .body();
        isolated(
                "victim's contact unchanged by the same e-mail in another tenant",
                victimContact.equals(afterCopy),
                String.valueOf(afterCopy));
        if (same.status() == 201) {
            Http.delete(me.contacts("/api/v1/contacts/" + same.body().path("id").asText()), me.auth());
        }

        // monitor-service: platforms, probes, dependencies.
        Http.Reply platforms = Http.get(monitor("/api/v1/tenant/platforms"), me.auth());
        isolated(
                "platform list holds only own and catalogue platforms",
                platforms.status() == 200
                        && !platforms.raw().contains(victim.platformId())
                        && platforms.raw().contains(attacker.platformId()),
                abbreviate(platforms.raw()));
        sameAsUnknown(
                "probe list",
                "GET",
                monitor("/api/v1/tenant/platforms/"),
                victim.platformId(),
                "custom-nothing-" + suffix,
                "/probes",
                me,
                null);
        sameAsUnknown(
                "probe add",
                "POST",
                monitor("/api/v1/tenant/platforms/"),
                victim.platformId(),
                "custom-nothing-" + suffix,
                "/probes",
                me,
                "{\"type\":\"tcp\",\"target\":\"127.0.0.1:9\",\"interval\":\"PT1H\"}");
        sameAsUnknown(
                "probe delete",
                "DELETE",
                monitor("/api/v1/tenant/platforms/"),
                victim.platformId(),
                "custom-nothing-" + suffix,
                "/probes/" + victim.probeId(),
                me,
                null);
        Http.Reply ownPlatformProbeDelete = Http.delete(
                monitor("/api/v1/tenant/platforms/" + attacker.platformId() + "/probes/" + victim.probeId()),
                me.auth());
        isolated(
                "another tenant's probe id under one's own platform answers 404",
                ownPlatformProbeDelete.status() == 404,
                ownPlatformProbeDelete.status() + " " + ownPlatformProbeDelete.raw());
        Http.Reply victimProbes =
                Http.get(monitor("/api/v1/tenant/platforms/" + victim.platformId() + "/probes"), them.auth());
        isolated(
                "victim's probe still there",
                victimProbes.status() == 200 && victimProbes.raw().contains(victim.probeId()),
                victimProbes.raw());
        Http.Reply takeOver = Http.post(
                monitor("/api/v1/tenant/platforms"), me.auth(), Map.of("id", victim.platformId(), "name", "mine now"));
        Http.Reply victimPlatforms = Http.get(monitor("/api/v1/tenant/platforms"), them.auth());
        isolated(
                "another tenant's platform id cannot be taken over",
                takeOver.status() == 409
                        && victimPlatforms.raw().contains("Shop of " + them.slug)
                        && !victimPlatforms.raw().contains("mine now"),
                takeOver.status() + " " + takeOver.raw());
        Http.Reply depend = Http.send(
                "PUT",
                monitor("/api/v1/tenant/dependencies"),
                me.auth(),
                "application/json",
                "{\"platformIds\":[\"" + victim.platformId() + "\"]}");
        isolated(
                "another tenant's platform cannot be depended on",
                depend.status() == 400,
                depend.status() + " " + depend.raw());
        Http.Reply deps = Http.get(monitor("/api/v1/tenant/dependencies"), me.auth());
        isolated(
                "dependencies are one's own",
                deps.status() == 200
                        && deps.raw().contains(attacker.platformId())
                        && !deps.raw().contains(victim.platformId()),
                deps.raw());

        // outreach-service: campaigns, previews, runs, deliveries.
        Http.Reply campaigns = Http.get(me.outreach("/api/v1/campaigns"), me.auth());
        isolated(
                "campaign list holds only own campaigns",
                campaigns.status() == 200
                        && !campaigns.raw().contains(victim.campaignId())
                        && campaigns.raw().contains(attacker.campaignId()),
                abbreviate(campaigns.raw()));
        JsonNode victimCampaign = Http.get(them.outreach("/api/v1/campaigns/" + victim.campaignId()), them.auth())
                .body();
        String replacement =
                "{\"name\":\"hijacked\",\"platformId\":\"any\",\"channel\":\"email\",\"subject\":\"x\",\"textBody\":\"y\"}";
        sameAsUnknown(
                "campaign get", "GET", me.outreach("/api/v1/campaigns/"), victim.campaignId(), unknown, "", me, null);
        sameAsUnknown(
                "campaign replace",
                "PUT",
                me.outreach("/api/v1/campaigns/"),
                victim.campaignId(),
                unknown,
                "",
                me,
                replacement);
        sameAsUnknown(
                "campaign delete",
                "DELETE",
                me.outreach("/api/v1/campaigns/"),
                victim.campaignId(),
                unknown,
                "",
                me,
                null);
        sameAsUnknown(
                "campaign preview",
                "POST",
                me.outreach("/api/v1/campaigns/"),
                victim.campaignId(),
                unknown,
                "/preview",
                me,
                "{}");
        sameAsUnknown(
                "campaign runs",
                "GET",
                me.outreach("/api/v1/campaigns/"),
                victim.campaignId(),
                unknown,
                "/runs",
                me,
                null);
        sameAsUnknown(
                "campaign trigger",
                "POST",
                me.outreach("/api/v1/campaigns/"),
                victim.campaignId(),
                unknown,
                "/runs",
                me,
                "{\"dryRun\":true}");
        JsonNode victimCampaignAfter = Http.get(them.outreach("/api/v1/campaigns/" + victim.campaignId()), them.auth())
                .body();
        isolated(
                "victim's campaign unchanged",
                victimCampaign.equals(victimCampaignAfter),
                String.valueOf(victimCampaignAfter));
        Http.Reply preview = Http.post(
                me.outreach("/api/v1/campaigns/" + attacker.campaignId() + "/preview"),
                me.auth(),
                Map.of("contactId", victim.contactId()));
        isolated(
                "another tenant's contact cannot be previewed",
                preview.status() == 404 && !preview.raw().contains("Secret " + them.slug),
                preview.status() + " " + preview.raw());
        for (String runId : List.of(victim.runId(), victim.dryRunId())) {
            sameAsUnknown("run get", "GET", me.outreach("/api/v1/runs/"), runId, unknown, "", me, null);
            sameAsUnknown(
                    "run deliveries", "GET", me.outreach("/api/v1/runs/"), runId, unknown, "/deliveries", me, null);
            sameAsUnknown("run cancel", "POST", me.outreach("/api/v1/runs/"), runId, unknown, "/cancel", me, null);
        }
        // A dry run of one's own campaign counts one's own two contacts only (once the copycat's erasure reached
        // outreach), never the other tenant's.
        Http.Reply counted = Business.eventually(
                WAIT,
                () -> {
                    Http.Reply dry = Http.post(
                            me.outreach("/api/v1/campaigns/" + attacker.campaignId() + "/runs"),
                            me.auth(),
                            Map.of("dryRun", true));
                    return dry.status() != 202
                            ? dry
                            : Business.eventually(
                                    WAIT,
                                    () -> Http.get(
                                            me.outreach("/api/v1/runs/"
                                                    + dry.body().path("id").asText()),
                                            me.auth()),
                                    r -> r.status() == 200
                                            && r.body().path("audience").isInt());
                },
                r -> r.body().path("audience").asInt(-1) == 2);
        isolated(
                "a dry run counts only one's own audience",
                counted.body().path("audience").asInt(-1) == 2,
                counted.raw());
    }

    /** The victim's id must answer exactly like an id that never existed: same status, same problem. */
    private void sameAsUnknown(
            String what,
            String method,
            String prefix,
            String victimId,
            String unknownId,
            String rest,
            Business me,
            String body) {
        Http.Reply victims =
                Http.send(method, prefix + victimId + rest, me.auth(), body == null ? null : "application/json", body);
        Http.Reply unknowns =
                Http.send(method, prefix + unknownId + rest, me.auth(), body == null ? null : "application/json", body);
        boolean same = victims.status() == unknowns.status()
                && victims.status() == 404
                && comparable(victims.body()).equals(comparable(unknowns.body()));
        isolated(
                what + " of another tenant's id answers like an unknown id",
                same,
                "theirs: " + victims.status() + " " + victims.raw() + " / unknown: " + unknowns.status() + " "
                        + unknowns.raw());
    }

    /** A problem without the parts that may name the id itself. */
    private static String comparable(JsonNode problem) {
        return problem.path("status").asText() + "|" + problem.path("title").asText() + "|"
                + problem.path("detail").asText() + "|" + problem.path("errors");
    }

    private static boolean mentions(String text, Estate victim, Business them) {
        return text.contains(victim.contactId())
                || text.contains(them.email(1))
                || text.contains(them.email(2))
                || text.contains(them.slug);
    }

    private void isolated(String what, boolean ok, String detail) {
        isolationChecks++;
        if (!ok) {
            failures.add("isolation: " + what + ": " + abbreviate(detail));
        }
    }

    private void secure(String what, boolean ok, String detail) {
        securityChecks++;
        if (!ok) {
            failures.add("security: " + what + ": " + abbreviate(detail));
        }
    }

    // ---------------------------------------------------------------- keys

    private void keysStoredHashed(List<Business> businesses) throws SQLException {
        for (Business business : businesses) {
            Http.Reply tenant =
                    Http.get(business.contacts("/api/v1/admin/tenants/" + business.tenantId), RunningSystem.admin());
            Http.Reply keys = Http.get(
                    business.contacts("/api/v1/admin/tenants/" + business.tenantId + "/api-keys"),
                    RunningSystem.admin());
            secure(
                    "admin answers do not show a key again",
                    tenant.status() == 200
                            && keys.status() == 200
                            && !tenant.raw().contains(business.apiKey)
                            && !keys.raw().contains(business.apiKey),
                    tenant.raw() + keys.raw());
        }
        for (String database : List.of("contact", "monitor", "outreach")) {
            try (Connection db = DriverManager.getConnection(
                    system.stack.postgres().jdbcUrl(database),
                    system.stack.postgres().username(),
                    system.stack.postgres().password())) {
                List<String[]> columns = new ArrayList<>();
                try (ResultSet rs = db.createStatement()
                        .executeQuery(
                                "select table_name, column_name from information_schema.columns "
                                        + "where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')")) {
                    while (rs.next()) {
                        columns.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
                for (Business business : businesses) {
                    List<String> plaintext = find(db, columns, business.apiKey);
                    secure(
                            database + " database holds no plaintext API key",
                            plaintext.isEmpty(),
                            "found in " + plaintext);
                    List<String> hashed = find(db, columns, sha256(business.apiKey));
                    secure(
                            database + " database knows the key by its SHA-256 hash",
                            !hashed.isEmpty(),
                            "hash not found");
                }
            }
        }
    }

    private static List<String> find(Connection db, List<String[]> columns, String needle) throws SQLException {
        List<String> where = new ArrayList<>();
        for (String[] column : columns) {
            String sql = "select count(*) from \"" + column[0] + "\" where strpos(\"" + column[1] + "\"::text, ?) > 0";
            try (PreparedStatement query = db.prepareStatement(sql)) {
                query.setString(1, needle);
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        where.add(column[0] + "." + column[1]);
                    }
                }
            }
        }
        return where;
    }

    // ---------------------------------------------------------------- signed links

    private static final String CONTACT_LINK_SECRET = "system-test-link-secret-0123456789abcdef";
    private static final String OUTREACH_LINK_KEY = "system-test-link-signing-key-0123456789abcdef";

    private void confirmationLinks() {
        String slug = "secd-" + suffix;
        Http.Reply created = Http.post(
                system.contacts().baseUrl() + "/api/v1/admin/tenants",
                RunningSystem.admin(),
                Map.of(
                        "name",
                        slug,
                        "slug",
                        slug,
                        "defaultRegion",
                        "DE",
                        "timeZone",
                        "Europe/Berlin",
                        "optInMode",
                        "double"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String tenantId = created.body().path("id").asText();
        String key = created.body().path("apiKey").asText();
        IssuedSecrets.add(key);
        String email = "confirm-me@" + slug + ".example";
        Http.Reply signUp = Http.post(
                system.contacts().baseUrl() + "/api/v1/public/" + slug + "/contacts",
                Map.of(),
                Map.of("name", "Dora", "email", email, "emailConsent", true));
        assertThat(signUp.status()).as(signUp.raw()).isEqualTo(202);
        CapturedMail mail = awaitMail(email);
        Matcher link = Pattern.compile("/confirm/([A-Za-z0-9_.-]+)").matcher(mail.text());
        assertThat(link.find()).as(mail.text()).isTrue();
        String token = link.group(1);
        IssuedSecrets.add(token);
        String base = system.contacts().baseUrl() + "/confirm/";
        Http.Reply contacts =
                Http.get(system.contacts().baseUrl() + "/api/v1/contacts?q=" + email, RunningSystem.tenant(key));
        String contactId = contacts.body().path("items").path(0).path("id").asText();

        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String[] claims = payload.split("\\|");
        String later =
                claims[0] + "|" + claims[1] + "|" + claims[2] + "|" + (Long.parseLong(claims[3]) + 365L * 24 * 3600);
        List<String> refused = List.of(
                randomToken(),
                flip(token, 5),
                flip(token, token.length() - 3),
                token.substring(0, token.length() - 1),
                b64(later) + "." + parts[1],
                confirmationToken("local-link-secret-change-me", payload),
                confirmationToken("local-link-secret-change-me", later),
                token + "." + parts[1]);
        for (String forged : refused) {
            for (String method : List.of("GET", "POST")) {
                int status = page(method, base + forged);
                secure(
                        "forged/altered confirmation link " + method + " is refused",
                        status == 404,
                        forged + " -> " + status);
            }
        }
        Http.Reply still =
                Http.get(system.contacts().baseUrl() + "/api/v1/contacts/" + contactId, RunningSystem.tenant(key));
        secure(
                "consent still pending after forged confirmations",
                "pending".equals(still.body().path("consents").path("email").asText()),
                still.raw());
        // Signed with the system's own secret but expired: refused as expired, and confirms nothing.
        String expired = confirmationToken(
                CONTACT_LINK_SECRET,
                claims[0] + "|" + claims[1] + "|" + claims[2] + "|"
                        + Instant.now().minusSeconds(60).getEpochSecond());
        int expiredAsk = page("GET", base + expired);
        int expiredPost = page("POST", base + expired);
        secure(
                "an expired confirmation link is refused (410)",
                expiredAsk == 410 && expiredPost == 410,
                expiredAsk + "/" + expiredPost);
        Http.Reply stillAfterExpired =
                Http.get(system.contacts().baseUrl() + "/api/v1/contacts/" + contactId, RunningSystem.tenant(key));
        secure(
                "consent still pending after an expired confirmation",
                "pending"
                        .equals(stillAfterExpired
                                .body()
                                .path("consents")
                                .path("email")
                                .asText()),
                stillAfterExpired.raw());
        // The real link works, so the refusals above are the signature's doing.
        int ask = page("GET", base + token);
        int confirm = page("POST", base + token);
        Http.Reply confirmed =
                Http.get(system.contacts().baseUrl() + "/api/v1/contacts/" + contactId, RunningSystem.tenant(key));
        secure(
                "the genuine confirmation link confirms",
                ask == 200
                        && confirm == 200
                        && "confirmed"
                                .equals(confirmed
                                        .body()
                                        .path("consents")
                                        .path("email")
                                        .asText()),
                ask + "/" + confirm + " " + confirmed.raw());
        secure(
                "the confirmation link carries no contact data",
                !token.contains(email) && !payload.contains(email) && !payload.contains("Dora"),
                payload);
    }

    private void unsubscribeLinks(Estate victim) {
        Business business = victim.business();
        CapturedMail mail = system.stack.mail().messages().stream()
                .filter(m -> m.to().contains(business.email(1)) && m.header("List-Unsubscribe") != null)
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no outreach mail with List-Unsubscribe to " + business.email(1)));
        Matcher link = Pattern.compile("/unsubscribe/([A-Za-z0-9_.-]+)").matcher(mail.header("List-Unsubscribe"));
        assertThat(link.find()).as(mail.header("List-Unsubscribe")).isTrue();
        String token = link.group(1);
        IssuedSecrets.add(token);
        String base = system.outreach().baseUrl() + "/unsubscribe/";
        String payload = token.substring(0, token.indexOf('.'));
        String[] target = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\n");
        String otherChannel = b64(target[0] + "\n" + target[1] + "\nsms");
        List<String> refused = List.of(
                randomToken(),
                flip(token, 4),
                flip(token, token.length() - 2),
                token.substring(0, token.length() - 2),
                otherChannel + token.substring(token.indexOf('.')),
                unsubscribeToken("local-dev-link-signing-key-change-me", payload),
                unsubscribeToken("test-link-signing-key", payload),
                "." + token.substring(token.indexOf('.') + 1),
                payload + ".");
        for (String forged : refused) {
            for (String method : List.of("GET", "POST")) {
                int status = page(method, base + forged);
                secure(
                        "forged/altered unsubscribe link " + method + " is refused",
                        status == 404,
                        forged + " -> " + status);
            }
        }
        int ask = page("GET", base + token);
        secure("the genuine unsubscribe link shows its page", ask == 200, Integer.toString(ask));
        Http.Reply stillConfirmed =
                Http.get(business.contacts("/api/v1/contacts/" + victim.contactId()), business.auth());
        secure(
                "no withdrawal from forged unsubscribes",
                "confirmed"
                        .equals(stillConfirmed
                                .body()
                                .path("consents")
                                .path("email")
                                .asText()),
                stillConfirmed.raw());
        secure(
                "the unsubscribe link carries no contact data",
                !token.contains(business.email(1)) && !String.join("\n", target).contains(business.email(1)),
                String.join("|", target));
    }

    /** A link followed as a browser does (HTML accepted); the status it answers. */
    private static int page(String method, String url) {
        URI uri = URI.create(url);
        try {
            return RawHttp.exchange(
                            uri.getScheme() + "://" + uri.getAuthority(),
                            method,
                            uri.getRawPath(),
                            List.of(
                                    RawHttp.Header.of("Accept", "text/html,*/*;q=0.8"),
                                    RawHttp.Header.of("User-Agent", "SecurityTest")),
                            method.equals("POST") ? new byte[0] : null)
                    .status();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CapturedMail awaitMail(String to) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            for (CapturedMail mail : system.stack.mail().messages()) {
                if (mail.to().contains(to)) {
                    return mail;
                }
            }
            Business.sleep(Duration.ofMillis(300));
        }
        throw new AssertionError("no mail to " + to + " within " + WAIT);
    }

    private static String confirmationToken(String secret, String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(body) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(secret, body));
    }

    private static String unsubscribeToken(String key, String payload) {
        return payload + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(hmac(key, payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomToken() {
        byte[] a = new byte[60];
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(a);
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(a) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The token with one base64url character changed (skipping the dot). */
    private static String flip(String token, int at) {
        char[] chars = token.toCharArray();
        int i = chars[at] == '.' ? at + 1 : at;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- rate limits

    private void rateLimits() {
        Business json = Business.signUp(system, "secr-" + suffix);
        Business page = Business.signUp(system, "secf-" + suffix);
        IssuedSecrets.add(json.apiKey);
        IssuedSecrets.add(page.apiKey);
        String url = system.contacts().baseUrl() + "/api/v1/public/" + json.slug + "/contacts";
        List<Integer> statuses = new ArrayList<>();
        Http.Reply last = null;
        for (int n = 1; n <= 21; n++) {
            last = Http.post(url, Map.of(), Map.of("name", "R" + n, "email", json.email(n), "emailConsent", true));
            statuses.add(last.status());
        }
        secure(
                "public JSON sign-up: 20 accepted per IP and minute, the 21st 429 with Retry-After",
                statuses.subList(0, 20).stream().allMatch(s -> s == 202)
                        && last.status() == 429
                        && retryAfter(last) > 0
                        && "application/problem+json"
                                .equals(String.valueOf(last.header("Content-Type"))
                                        .split(";")[0]),
                statuses + " " + last.headers() + " " + last.raw());
        // Still limited: the limit does not reset by itself within the window.
        Http.Reply again =
                Http.post(url, Map.of(), Map.of("name", "R22", "email", json.email(22), "emailConsent", true));
        secure(
                "public JSON sign-up stays limited within the window",
                again.status() == 429,
                again.status() + " " + again.raw());
        // X-Forwarded-For is honoured only from the trusted proxies (the ingress), and this client is not one.
        Http.Reply spoofed = Http.post(
                url,
                Map.of("X-Forwarded-For", "203.0.113." + (1 + new Random().nextInt(250))),
                Map.of("name", "R23", "email", json.email(23), "emailConsent", true));
        Results.set("rate limit bypassed by a spoofed X-Forwarded-For", spoofed.status() == 202 ? "yes" : "no");
        secure(
                "a made-up X-Forwarded-For from a client that is not a trusted proxy does not escape the per-IP limit",
                spoofed.status() == 429,
                spoofed.status() + " " + spoofed.raw());

        String form = system.contacts().baseUrl() + "/f/" + page.slug;
        List<Integer> formStatuses = new ArrayList<>();
        Http.Reply lastForm = null;
        for (int n = 1; n <= 21; n++) {
            lastForm = Http.send(
                    "POST",
                    form,
                    Map.of("Accept", "text/html"),
                    "application/x-www-form-urlencoded",
                    "name=F" + n + "&email=" + page.email(n).replace("@", "%40") + "&emailConsent=yes");
            formStatuses.add(lastForm.status());
        }
        secure(
                "hosted form: 20 accepted per IP and minute, the 21st 429 with Retry-After",
                formStatuses.subList(0, 20).stream().allMatch(s -> s == 200)
                        && lastForm.status() == 429
                        && retryAfter(lastForm) > 0,
                formStatuses + " " + lastForm.headers());
    }

    private static long retryAfter(Http.Reply reply) {
        try {
            return Long.parseLong(String.valueOf(reply.header("Retry-After")).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------- admin endpoints

    private void adminEndpoints(Business someTenant) {
        String c = system.contacts().baseUrl();
        String m = system.monitor().baseUrl();
        String tenantBody =
                "{\"name\":\"x\",\"slug\":\"secx-" + suffix + "\",\"defaultRegion\":\"DE\",\"timeZone\":\"UTC\"}";
        List<Map<String, String>> wrongKeys = List.of(
                Map.of(),
                Map.of("X-Admin-Key", ""),
                Map.of("X-Admin-Key", "local-admin-key"),
                Map.of("X-Admin-Key", RunningSystem.ADMIN_KEY + "x"),
                Map.of("X-Admin-Key", RunningSystem.ADMIN_KEY.substring(1)),
                Map.of("Authorization", "Bearer " + someTenant.apiKey),
                Map.of("X-Admin-Key", someTenant.apiKey),
                Map.of("Authorization", "Bearer " + RunningSystem.ADMIN_KEY));
        record Call(String method, String url, String body) {}
        // Valid bodies where there is one, and a real catalogue platform: only the key may stand between them and 2xx.
        List<Call> calls = List.of(
                new Call("POST", c + "/api/v1/admin/tenants", tenantBody),
                new Call("GET", c + "/api/v1/admin/tenants/" + someTenant.tenantId, null),
                new Call("GET", c + "/api/v1/admin/tenants/" + someTenant.tenantId + "/api-keys", null),
                new Call("POST", c + "/api/v1/admin/tenants/" + someTenant.tenantId + "/api-keys", null),
                new Call(
                        "DELETE",
                        c + "/api/v1/admin/tenants/" + someTenant.tenantId + "/api-keys/" + UUID.randomUUID(),
                        null),
                new Call("POST", m + "/api/v1/platforms/instagram/outages", "{}"),
                new Call("POST", m + "/api/v1/platforms/instagram/outages/current/resolve", "{}"));
        for (Call call : calls) {
            for (Map<String, String> headers : wrongKeys) {
                Http.Reply reply = Http.send(
                        call.method(),
                        call.url(),
                        headers,
                        call.body() == null ? null : "application/json",
                        call.body());
                secure(
                        "admin " + call.method() + " " + call.url().replaceAll("https?://[^/]+", "") + " refused with "
                                + headers.keySet(),
                        reply.status() == 401
                                && String.valueOf(reply.header("Content-Type")).startsWith("application/problem+json"),
                        reply.status() + " " + reply.raw());
            }
        }
        Http.Reply keys =
                Http.get(c + "/api/v1/admin/tenants/" + someTenant.tenantId + "/api-keys", RunningSystem.admin());
        secure(
                "no key was issued by the refused calls",
                keys.status() == 200 && keys.body().size() == 1,
                keys.raw());
    }

    private static String abbreviate(String text) {
        return BadInputFuzzTest.abbreviate(text, 400);
    }
}
