package dev.lifeline.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.system.Http;
import dev.lifeline.system.RunningSystem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One business on a running system, driven over HTTP only, as its owner would: sign up, bring contacts, set up a
 * fallback e-mail campaign for a platform. Its contacts' addresses are {@code c<n>@<slug>.example}, so mail to them is
 * told apart from every other business's.
 */
final class Business {

    final RunningSystem system;
    final String slug;
    final String tenantId;
    final String apiKey;

    private Business(RunningSystem system, String slug, String tenantId, String apiKey) {
        this.system = system;
        this.slug = slug;
        this.tenantId = tenantId;
        this.apiKey = apiKey;
    }

    /** A new tenant with single opt-in, so that captured and imported e-mail consent is confirmed at once. */
    static Business signUp(RunningSystem system, String slug) {
        Http.Reply tenant = Http.post(
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
                        "single",
                        "corsOrigins",
                        List.of("https://" + slug + ".example")));
        assertThat(tenant.status()).as(tenant.raw()).isEqualTo(201);
        return new Business(
                system,
                slug,
                tenant.body().path("id").asText(),
                tenant.body().path("apiKey").asText());
    }

    Map<String, String> auth() {
        return RunningSystem.tenant(apiKey);
    }

    String email(int n) {
        return "c" + n + "@" + slug + ".example";
    }

    List<String> emails(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(this::email).toList();
    }

    boolean isOurs(String address) {
        return address.endsWith("@" + slug + ".example");
    }

    /** Contacts 1..count with e-mail consent, by CSV import; waits until the import is done. */
    JsonNode importContacts(int count) {
        Http.Reply upload = upload(contactsCsv(count));
        assertThat(upload.status()).as(upload.raw()).isIn(200, 202);
        return awaitImport(upload.body().path("id").asText(), Duration.ofMinutes(5));
    }

    /** A CSV file of contacts 1..count, all agreeing to e-mail. */
    String contactsCsv(int count) {
        StringBuilder csv = new StringBuilder("name,email,email_consent,consent_text\n");
        for (int n = 1; n <= count; n++) {
            csv.append("Customer ")
                    .append(n)
                    .append(',')
                    .append(email(n))
                    .append(",yes,E-mail me if the shop's platform is down\n");
        }
        return csv.toString();
    }

    Http.Reply upload(String csv) {
        return Http.send("POST", contacts("/api/v1/contacts/imports"), auth(), "text/csv", csv);
    }

    JsonNode awaitImport(String jobId, Duration timeout) {
        Http.Reply job = eventually(
                timeout,
                () -> Http.get(contacts("/api/v1/contacts/imports/" + jobId), auth()),
                reply -> reply.status() == 200
                        && List.of("done", "failed")
                                .contains(reply.body().path("state").asText()));
        assertThat(job.body().path("state").asText()).as(job.raw()).isEqualTo("done");
        return job.body();
    }

    /** An e-mail campaign for the platform, sent as soon as an outage starts (no grace period). */
    String emailCampaign(String platformId) {
        // Outreach learns the tenant's key from tenants.v1: the first calls may come before it has.
        Http.Reply campaign = eventually(
                Duration.ofSeconds(90),
                () -> Http.post(
                        outreach("/api/v1/campaigns"),
                        auth(),
                        Map.of(
                                "name",
                                platformId + " fallback",
                                "platformId",
                                platformId,
                                "channel",
                                "email",
                                "subject",
                                platformId + " is down, we are still here",
                                "textBody",
                                "Hi {contact.name}, {outage.platform} is down. Order at https://" + slug + ".example.",
                                "gracePeriod",
                                "PT0S")),
                reply -> reply.status() == 201);
        assertThat(campaign.status()).as(campaign.raw()).isEqualTo(201);
        return campaign.body().path("id").asText();
    }

    /** Waits until outreach's copy of the contacts (fed by contacts.v1) holds the whole audience. */
    void awaitOutreachAudience(String campaignId, int expected, Duration timeout) {
        Http.Reply counted = eventually(
                timeout,
                () -> {
                    Http.Reply dryRun = Http.post(
                            outreach("/api/v1/campaigns/" + campaignId + "/runs"), auth(), Map.of("dryRun", true));
                    if (dryRun.status() != 202) {
                        return dryRun;
                    }
                    String runId = dryRun.body().path("id").asText();
                    return eventually(
                            Duration.ofSeconds(30),
                            () -> Http.get(outreach("/api/v1/runs/" + runId), auth()),
                            run -> run.status() == 200
                                    && run.body().path("audience").isInt());
                },
                run -> run.body().path("audience").asInt(-1) == expected);
        assertThat(counted.body().path("audience").asInt(-1)).as(counted.raw()).isEqualTo(expected);
    }

    /** The runs of a campaign, newest first as outreach lists them. */
    JsonNode runs(String campaignId) {
        return Http.get(outreach("/api/v1/campaigns/" + campaignId + "/runs"), auth())
                .body();
    }

    String contacts(String path) {
        return system.contacts().baseUrl() + path;
    }

    String outreach(String path) {
        return system.outreach().baseUrl() + path;
    }

    static Http.Reply declareOutage(RunningSystem system, String platformId) {
        Http.Reply outage = Http.post(
                system.monitor().baseUrl() + "/api/v1/platforms/" + platformId + "/outages",
                RunningSystem.admin(),
                Map.of("declaredBy", "reliability-suite@example.com", "reason", "fault drill", "severity", "major"));
        assertThat(outage.status()).as(outage.raw()).isEqualTo(201);
        return outage;
    }

    static Http.Reply eventually(Duration timeout, Supplier<Http.Reply> call, Predicate<Http.Reply> done) {
        Instant deadline = Instant.now().plus(timeout);
        Http.Reply reply = attempt(call);
        while ((reply == null || !done.test(reply)) && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(300));
            reply = attempt(call);
        }
        assertThat(reply).as("no answer within " + timeout).isNotNull();
        return reply;
    }

    /** Asks again every half second until the value is done or time is up, and answers the last one either way. */
    static <T> T until(Duration timeout, Supplier<T> value, Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = value.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(500));
            last = value.get();
        }
        return last;
    }

    /** A call that may hit a service while it restarts: no answer is not an answer yet. */
    private static Http.Reply attempt(Supplier<Http.Reply> call) {
        try {
            return call.get();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
