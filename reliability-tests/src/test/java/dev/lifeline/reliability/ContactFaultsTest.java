package dev.lifeline.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.system.Http;
import dev.lifeline.system.RunningSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * contact-service dies while customers are being captured: every contact it accepted with a 2xx is stored and
 * reaches {@code contacts.v1}, so no downstream copy misses a customer.
 */
@Order(2)
class ContactFaultsTest {

    private static final int IMPORT_ROWS = 30_000;
    private static final int CAPTURES = 200;
    /** Captures through the public form; the rest go through the API. Stays below the per-IP limit (20 a minute). */
    private static final int FORM_CAPTURES = 15;
    /** The outage campaign that is going out while contact-service is being broken, as the suite demands of every fault. */
    private static final int CAMPAIGN_AUDIENCE = 2_000;

    private static RunningSystem system;

    @BeforeAll
    static void system() {
        system = SharedSystem.get();
    }

    @Test
    @Order(1)
    void killedDuringACsvImportTheSameFileUploadedAgainImportsEveryRow() {
        Business shop = campaignUnderway("messenger");
        Business business = Business.signUp(system, "import-kill-" + suffix());
        String csv = business.contactsCsv(IMPORT_ROWS);
        Http.Reply upload = business.upload(csv);
        assertThat(upload.status()).as(upload.raw()).isEqualTo(202);
        String jobId = upload.body().path("id").asText();

        long readAtKill = awaitRowsRead(business, jobId, IMPORT_ROWS / 10);
        system.kill(RunningSystem.CONTACT);
        system.restart(RunningSystem.CONTACT);
        assertThat(readAtKill).as("the kill landed in the middle of the import").isLessThan(IMPORT_ROWS);

        // What a user does when an import stopped: upload the same file again. It resumes once the job has stalled.
        JsonNode job = Business.eventually(
                        Duration.ofMinutes(3),
                        () -> {
                            business.upload(csv);
                            return Http.get(business.contacts("/api/v1/contacts/imports/" + jobId), business.auth());
                        },
                        reply -> reply.status() == 200
                                && "done".equals(reply.body().path("state").asText()))
                .body();

        verifyEveryAcceptedContactIsKept(
                "import-kill-9",
                shop,
                business,
                new HashSet<>(business.emails(IMPORT_ROWS)),
                String.format(
                        "%d rows, %d read at the kill; job after re-upload: %s rows read, %s imported, %s merged",
                        IMPORT_ROWS, readAtKill, job.path("rowsRead"), job.path("imported"), job.path("merged")));
        assertThat(job.path("rowsRead").asLong()).as(job.toString()).isEqualTo(IMPORT_ROWS);
    }

    @Test
    @Order(2)
    void capturesWhileTheBrokerIsDownAndTheServiceIsKilledAreAllKept() {
        Business shop = campaignUnderway("instagram");
        Business business = Business.signUp(system, "capture-kill-" + suffix());
        Set<String> accepted = new HashSet<>();
        system.stack.kafka().stop();
        try {
            accepted.addAll(capture(business, 1, CAPTURES / 2));
            system.kill(RunningSystem.CONTACT);
            // Customers keep signing up while the service is down: those calls fail and are not counted as accepted.
            accepted.addAll(capture(business, CAPTURES / 2 + 1, CAPTURES / 2 + 5));
            // Started again with the broker still down: it is not ready (readiness checks the broker) but it answers,
            // and what it accepts now reaches contacts.v1 through the outbox once the broker is back.
            system.relaunch(RunningSystem.CONTACT);
            Business.eventually(
                    Duration.ofMinutes(2),
                    () -> Http.get(system.process(RunningSystem.CONTACT).managementUrl() + "/q/health/live", Map.of()),
                    reply -> reply.status() == 200);
            accepted.addAll(capture(business, CAPTURES / 2 + 6, CAPTURES));
        } finally {
            system.stack.kafka().restart();
        }
        system.awaitAllReady();
        assertThat(accepted).as("captures accepted while the broker was down").hasSizeGreaterThan(CAPTURES - 10);
        verifyEveryAcceptedContactIsKept(
                "capture-broker-down-kill-9",
                shop,
                business,
                accepted,
                String.format(
                        "%d captures tried (%d by form), %d accepted with 2xx",
                        CAPTURES, FORM_CAPTURES, accepted.size()));
    }

    /** Contacts from..to (inclusive); every FORM_CAPTURES-th through the public form. The addresses answered 2xx. */
    private static List<String> capture(Business business, int from, int to) {
        List<String> accepted = new ArrayList<>();
        int formEvery = CAPTURES / FORM_CAPTURES;
        for (int n = from; n <= to; n++) {
            String email = business.email(n);
            Http.Reply reply;
            try {
                reply = n % formEvery == 0
                        ? Http.post(
                                business.contacts("/api/v1/public/" + business.slug + "/contacts"),
                                Map.of(),
                                Map.of("name", "Customer " + n, "email", email, "emailConsent", true))
                        : Http.post(
                                business.contacts("/api/v1/contacts"),
                                business.auth(),
                                Map.of(
                                        "name",
                                        "Customer " + n,
                                        "email",
                                        email,
                                        "consents",
                                        Map.of("email", true),
                                        "consentText",
                                        "E-mail me if the shop's platform is down"));
            } catch (IllegalStateException serviceDown) {
                continue;
            }
            if (reply.status() / 100 == 2) {
                accepted.add(email);
            }
        }
        return accepted;
    }

    /** Another business's outage campaign, going out when this returns. */
    private static Business campaignUnderway(String platform) {
        Business shop = Business.signUp(system, "campaign-" + platform + "-" + suffix());
        shop.importContacts(CAMPAIGN_AUDIENCE);
        String campaign = shop.emailCampaign(platform);
        shop.awaitOutreachAudience(campaign, CAMPAIGN_AUDIENCE, Duration.ofMinutes(3));
        Business.declareOutage(system, platform);
        return shop;
    }

    private static void verifyEveryAcceptedContactIsKept(
            String name, Business shop, Business business, Set<String> accepted, String what) {
        Inbox.Tally campaign = Inbox.await(system, shop, shop.emails(CAMPAIGN_AUDIENCE), Duration.ofMinutes(5));
        Set<String> stored = ContactDb.emails(system, business);
        Set<String> published = awaitPublished(business, accepted, Duration.ofMinutes(2));
        Set<String> notStored = minus(accepted, stored);
        Set<String> notPublished = minus(accepted, published);
        Set<String> lost = new HashSet<>(notStored);
        lost.addAll(notPublished);
        Results.add(Results.LOST, lost.size() + campaign.missing().size());
        Results.add(Results.DUPLICATES, campaign.duplicateCopies());
        if (lost.isEmpty()
                && campaign.missing().isEmpty()
                && campaign.duplicates().isEmpty()) {
            Results.add(Results.FAULTS_SURVIVED, 1);
        }
        Results.set(
                "fault " + name,
                String.format(
                        "%s; %d not stored, %d not on contacts.v1; the %d-contact campaign "
                                + "going out meanwhile: %s",
                        what, notStored.size(), notPublished.size(), CAMPAIGN_AUDIENCE, campaign));
        assertThat(notStored)
                .as(name + ": accepted with 2xx and not in the database")
                .isEmpty();
        assertThat(notPublished)
                .as(name + ": accepted with 2xx and never published on contacts.v1")
                .isEmpty();
        assertThat(campaign.missing())
                .as(name + ": campaign recipients missed — " + campaign)
                .isEmpty();
        assertThat(campaign.duplicates())
                .as(name + ": campaign recipients mailed twice — " + campaign)
                .isEmpty();
    }

    private static Set<String> awaitPublished(Business business, Set<String> expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Set<String> published = ContactsTopic.emails(system, business);
        while (!published.containsAll(expected) && Instant.now().isBefore(deadline)) {
            Business.sleep(Duration.ofSeconds(2));
            published = ContactsTopic.emails(system, business);
        }
        return published;
    }

    private static long awaitRowsRead(Business business, String jobId, long rows) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            JsonNode job = Http.get(business.contacts("/api/v1/contacts/imports/" + jobId), business.auth())
                    .body();
            long read = job.path("rowsRead").asLong();
            if (read >= rows
                    || !"queued".equals(job.path("state").asText())
                            && !"running".equals(job.path("state").asText())) {
                return read;
            }
            assertThat(Instant.now()).as("import did not progress: " + job).isBefore(deadline);
            Business.sleep(Duration.ofMillis(50));
        }
    }

    private static Set<String> minus(Set<String> all, Set<String> some) {
        Set<String> rest = new HashSet<>(all);
        rest.removeAll(some);
        return rest;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
