package dev.lifeline.outreach.run;

import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.Db;
import dev.lifeline.outreach.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The storm's fairness rule: a run's dispatch queues only its opening slice (five recipients), and no run's bulk joins
 * the work queue while another business's opening slice still waits for a sender, so every business reaches its first
 * customers before anyone's bulk stands in front of them.
 */
@QuarkusTest
class OpeningSlicesTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    DataSource db;

    @Test
    void aRunsBulkWaitsWhileAnotherBusinessesOpeningSliceWaitsForASender() throws Exception {
        // Another business whose opening slice is on the work queue and not yet taken by a sender.
        Scenario other = new Scenario(stack, db);
        other.contacts(Map.of("una", ConsentStatus.CONFIRMED));
        String otherCampaign = other.createCampaign(other.emailCampaign("PT0S"));
        String otherRun = dryRun(other, otherCampaign);
        Db.update(db, """
                insert into delivery (run_id, contact_id, channel, tenant_id, platform_id, outage_notice, state, created_at,
                    updated_at, slice)
                values (?, ?, 'email', ?, ?, false, 'queued', now(), now(), 0)
                """, UUID.fromString(otherRun), other.contactId("una"), other.tenant, other.platform);
        try {
            Scenario shop = new Scenario(stack, db);
            Map<String, ConsentStatus> customers = new HashMap<>();
            for (int i = 0; i < 8; i++) {
                customers.put("c" + i, ConsentStatus.CONFIRMED);
            }
            shop.contacts(customers);
            String campaign = shop.createCampaign(shop.emailCampaign("PT0S"));
            String run = given().auth()
                    .oauth2(shop.key)
                    .contentType("application/json")
                    .body("{}")
                    .post("/api/v1/campaigns/{id}/runs", campaign)
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");

            await().atMost(Duration.ofSeconds(30)).until(() -> shop.mails().size() == 5);
            // Ten launcher rounds (every 0.2 s in tests), each of which would have fed the bulk without the rule.
            Thread.sleep(2_000);
            assertThat(shop.mails())
                    .as("the bulk waited for the other business's opening slice")
                    .hasSize(5);
            assertThat(shop.run(run)).containsEntry("queued", 3);

            // A sender takes the other opening slice: the bulk follows.
            Db.update(
                    db,
                    "update delivery set state = 'sending', claimed_at = now() where run_id = ?",
                    UUID.fromString(otherRun));
            await().atMost(Duration.ofSeconds(30)).until(() -> shop.mails().size() == 8);
            assertThat(shop.mails()).extracting(m -> m.to().get(0)).doesNotHaveDuplicates();
        } finally {
            // Not left for the claim sweeper to send after this test.
            Db.update(db, "delete from delivery where run_id = ?", UUID.fromString(otherRun));
        }
    }

    private static String dryRun(Scenario s, String campaign) {
        String run = given().auth()
                .oauth2(s.key)
                .contentType("application/json")
                .body("{\"dryRun\":true}")
                .post("/api/v1/campaigns/{id}/runs", campaign)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "completed".equals(s.run(run).get("status")));
        return run;
    }
}
