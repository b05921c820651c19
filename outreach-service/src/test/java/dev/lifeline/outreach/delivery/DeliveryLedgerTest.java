package dev.lifeline.outreach.delivery;

import dev.lifeline.events.EventCodec;
import dev.lifeline.events.EventTypes;
import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.outreach.DeliveryJob;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.Scenario;
import dev.lifeline.outreach.TestBus;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The claim-before-send ledger under redelivery, poison records and a crash between claim and send (within the claim
 * lease; what happens after it is {@link ClaimSweeperTest}).
 */
@QuarkusTest
class DeliveryLedgerTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    DataSource db;

    @Inject
    MeterRegistry metrics;

    private double duplicates() {
        var c = metrics.find("lifeline_outreach_duplicate_jobs_total").counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void jobsConsumedTwiceOrAfterACrashMidSendNeverSendASecondCopy() {
        Scenario s = new Scenario(stack, db);
        s.contacts(Map.of("gil", ConsentStatus.CONFIRMED, "hal", ConsentStatus.CONFIRMED));
        String campaign = s.createCampaign(s.emailCampaign("PT0S"));
        String runId = given().auth()
                .oauth2(s.key)
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/campaigns/{id}/runs", campaign)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> s.mails().size() == 2);

        // The same jobs again, as after a rebalance or a replay from an old offset.
        double before = duplicates();
        for (String name : new String[] {"gil", "hal"}) {
            TestBus.send(
                    s.kafka,
                    Topics.OUTREACH_DELIVERIES,
                    new DeliveryJob(s.tenant, runId, campaign, s.contactId(name), ContactChannel.EMAIL));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() >= before + 2);
        assertThat(s.mails()).hasSize(2);

        // A crash after the claim and before the send leaves the delivery in "sending": within the claim lease its
        // redelivered job sends nothing (only the sweeper hands the delivery on, once the lease is over).
        Scenario c = new Scenario(stack, db);
        c.contacts(Map.of("ivy", ConsentStatus.CONFIRMED));
        String campaign2 = c.createCampaign(c.emailCampaign("PT0S"));
        String run2 = given().auth()
                .oauth2(c.key)
                .contentType("application/json")
                .body("{\"dryRun\":true}")
                .post("/api/v1/campaigns/{id}/runs", campaign2)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "completed".equals(c.run(run2).get("status")));
        insertClaimed(UUID.fromString(run2), c.tenant, c.contactId("ivy"), c.platform);
        double before2 = duplicates();
        TestBus.send(
                c.kafka,
                Topics.OUTREACH_DELIVERIES,
                new DeliveryJob(c.tenant, run2, campaign2, c.contactId("ivy"), ContactChannel.EMAIL));
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() >= before2 + 1);
        assertThat(c.mails()).isEmpty();
        assertThat(c.run(run2)).containsEntry("sending", 1);
        // Not left for the launcher's sweep to mail once its lease is over, after this test.
        try (var conn = db.getConnection();
                var ps = conn.prepareStatement("delete from delivery where run_id = ?")) {
            ps.setObject(1, UUID.fromString(run2));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPoisonJobGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        Scenario s = new Scenario(stack, db);
        s.contacts(Map.of("jo", ConsentStatus.CONFIRMED));
        String campaign = s.createCampaign(s.emailCampaign("PT0S"));
        String key = s.contactId("jo");
        TestBus.send(
                s.kafka, Topics.OUTREACH_DELIVERIES, key, "poison-" + key, EventTypes.DELIVERY_REQUESTED, "[1,2,3]");
        TestBus.send(
                s.kafka,
                Topics.OUTREACH_DELIVERIES,
                key,
                "poison2-" + key,
                EventTypes.DELIVERY_REQUESTED,
                EventCodec.encode(new DeliveryJob(s.tenant, "not-a-uuid", campaign, key, ContactChannel.EMAIL)));
        TestBus.awaitRecord(
                s.kafka,
                Topics.deadLetter(Topics.OUTREACH_DELIVERIES),
                r -> ("poison-" + key).equals(TestBus.header(r, "ce_id")));
        TestBus.awaitRecord(
                s.kafka,
                Topics.deadLetter(Topics.OUTREACH_DELIVERIES),
                r -> ("poison2-" + key).equals(TestBus.header(r, "ce_id")));

        given().auth()
                .oauth2(s.key)
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/campaigns/{id}/runs", campaign)
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> s.mails().size() == 1);
    }

    @Test
    void aMalformedOutageEventGoesToItsDeadLetterTopicAndLaterOutagesStillRun() {
        Scenario s = new Scenario(stack, db);
        s.contacts(Map.of("kim", ConsentStatus.CONFIRMED));
        s.createCampaign(s.emailCampaign("PT0S"));
        TestBus.send(
                s.kafka,
                Topics.PLATFORM_OUTAGES,
                s.platform,
                "bad-" + s.marker,
                EventTypes.OUTAGE_STARTED,
                "{\"outageId\":\"x\"}");
        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("o-" + s.marker, s.platform));
        TestBus.awaitRecord(
                s.kafka,
                Topics.deadLetter(Topics.PLATFORM_OUTAGES),
                r -> ("bad-" + s.marker).equals(TestBus.header(r, "ce_id")));
        await().atMost(Duration.ofSeconds(30)).until(() -> s.mails().size() == 1);
    }

    private void insertClaimed(UUID runId, String tenant, String contactId, String platform) {
        try (var conn = db.getConnection();
                var ps = conn.prepareStatement("""
                insert into delivery (run_id, contact_id, channel, tenant_id, platform_id, outage_notice, state, attempts,
                    created_at, updated_at, claimed_at, claimed_by, claim_token)
                values (?, ?, 'email', ?, ?, false, 'sending', 1, now(), now(), now(), 'gone@crashed', gen_random_uuid())
                """)) {
            ps.setObject(1, runId);
            ps.setString(2, contactId);
            ps.setString(3, tenant);
            ps.setString(4, platform);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
