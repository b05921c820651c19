package dev.lifeline.system;

import dev.lifeline.localstack.CapturedMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first promise of Lifeline, end to end over HTTP only: a business's customers who agreed to e-mail get exactly
 * one message when Instagram goes down, and the one who did not agree gets none.
 */
class OutageToEmailSystemTest {

    private static RunningSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = RunningSystem.start();
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void anInstagramOutageMailsEveryConsentingContactExactlyOnce() throws Exception {
        String contactUrl = system.contacts().baseUrl();
        Http.Reply tenant = Http.post(
                contactUrl + "/api/v1/admin/tenants",
                RunningSystem.admin(),
                Map.of(
                        "name",
                        "Ada's shop",
                        "slug",
                        "ada-shop",
                        "defaultRegion",
                        "DE",
                        "timeZone",
                        "Europe/Berlin",
                        "optInMode",
                        "single"));
        assertThat(tenant.status()).as(tenant.raw()).isEqualTo(201);
        Map<String, String> key =
                RunningSystem.tenant(tenant.body().path("apiKey").asText());

        List<String> consenting = List.of("ada@example.com", "grace@example.com", "linus@example.com");
        for (String email : consenting) {
            createContact(contactUrl, key, email, true);
        }
        createContact(contactUrl, key, "no-consent@example.com", false);

        // Outreach learns the tenant's key from tenants.v1: the first calls may come before it has.
        Http.Reply campaign = eventually(
                Duration.ofSeconds(60),
                () -> Http.post(
                        system.outreach().baseUrl() + "/api/v1/campaigns",
                        key,
                        Map.of(
                                "name", "Instagram fallback",
                                "platformId", "instagram",
                                "channel", "email",
                                "subject", "We are still here for you",
                                "textBody",
                                        "Hi {contact.name}, {outage.platform} is down. Order at https://shop.example.",
                                "htmlBody", "<p>Hi {contact.name}, {outage.platform} is down.</p>",
                                "gracePeriod", "PT0S")),
                reply -> reply.status() == 201);
        assertThat(campaign.status()).as(campaign.raw()).isEqualTo(201);

        awaitOutreachKnowsContacts(key, campaign.body().path("id").asText(), consenting.size());

        Http.Reply outage = Http.post(
                system.monitor().baseUrl() + "/api/v1/platforms/instagram/outages",
                RunningSystem.admin(),
                Map.of("declaredBy", "ops@example.com", "reason", "Feed not loading", "severity", "major"));
        assertThat(outage.status()).as(outage.raw()).isEqualTo(201);

        assertThat(system.stack.mail().awaitCount(consenting.size(), Duration.ofSeconds(90)))
                .as("mail for every consenting contact")
                .isTrue();
        // Give a second copy, if there were one, the time to arrive before counting.
        Thread.sleep(3000);
        List<CapturedMail> mails = system.stack.mail().messages();
        List<String> recipients =
                mails.stream().flatMap(mail -> mail.to().stream()).toList();
        assertThat(recipients).containsExactlyInAnyOrderElementsOf(consenting).doesNotContain("no-consent@example.com");
        assertThat(mails).allSatisfy(mail -> {
            assertThat(mail.subject()).isEqualTo("We are still here for you");
            assertThat(mail.text()).containsIgnoringCase("instagram");
        });
    }

    private static void createContact(String contactUrl, Map<String, String> key, String email, boolean emailConsent) {
        Http.Reply reply = Http.post(
                contactUrl + "/api/v1/contacts",
                key,
                Map.of(
                        "name",
                        email.substring(0, email.indexOf('@')),
                        "email",
                        email,
                        "consents",
                        Map.of("email", emailConsent),
                        "consentText",
                        "Yes, e-mail me if Instagram is down"));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
    }

    /** Contacts reach outreach through contacts.v1; a dry run of the campaign counts the audience outreach knows. */
    private static void awaitOutreachKnowsContacts(Map<String, String> key, String campaignId, int expected) {
        String outreach = system.outreach().baseUrl();
        Http.Reply counted = eventually(
                Duration.ofSeconds(60),
                () -> {
                    Http.Reply dryRun = Http.post(
                            outreach + "/api/v1/campaigns/" + campaignId + "/runs", key, Map.of("dryRun", true));
                    assertThat(dryRun.status()).as(dryRun.raw()).isEqualTo(202);
                    String runId = dryRun.body().path("id").asText();
                    return eventually(
                            Duration.ofSeconds(10),
                            () -> Http.get(outreach + "/api/v1/runs/" + runId, key),
                            run -> run.status() == 200
                                    && run.body().path("audience").isInt());
                },
                run -> run.body().path("audience").asInt() == expected);
        assertThat(counted.body().path("audience").asInt()).as(counted.raw()).isEqualTo(expected);
    }

    private static Http.Reply eventually(Duration timeout, Supplier<Http.Reply> call, Predicate<Http.Reply> done) {
        Instant deadline = Instant.now().plus(timeout);
        Http.Reply reply = call.get();
        while (!done.test(reply) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            reply = call.get();
        }
        return reply;
    }
}
