package dev.lifeline.outreach.delivery;

import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.outage.OutageResolved;
import dev.lifeline.events.outage.OutageSource;
import dev.lifeline.events.outage.OutageStarted;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.Db;
import dev.lifeline.outreach.Scenario;
import dev.lifeline.outreach.TestBus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The claim lease against the real database and broker: rows are put in {@code sending} by hand, as a sender that was
 * killed between claim and outcome leaves them, with an old or a recent claim time. The sweep is called directly; the
 * run launcher's own sweep may get there first, which changes nothing the tests look at.
 */
@QuarkusTest
class ClaimSweeperTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    DataSource db;

    @Inject
    ClaimSweeper sweeper;

    @Inject
    OutcomeWriter outcomes;

    @Test
    void aDeliveryLeftInSendingPastItsLeaseIsSentExactlyOnceAndARecentClaimIsLeftAlone() {
        Scenario s = new Scenario(stack, db);
        s.contacts(Map.of("old", ConsentStatus.CONFIRMED, "new", ConsentStatus.CONFIRMED));
        String campaign = s.createCampaign(s.emailCampaign("PT0S"));
        // A dry run: a run to hang the rows on that queues and sends nothing itself.
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
        UUID crashed = claimed(s, run, "old", "1 hour");
        UUID live = claimed(s, run, "new", "0 seconds");

        sweeper.sweep();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "sent".equals(state(run, s.contactId("old")))
                        && s.mailsTo("old").size() == 1);
        sweeper.sweep();
        // The crashed sender's outcome, arriving late, must not overwrite the newer claim's.
        outcomes.finish(UUID.fromString(run), s.contactId("old"), "email", crashed, DeliveryState.FAILED, null, "late")
                .toCompletableFuture()
                .join();

        assertThat(s.mailsTo("old")).hasSize(1);
        assertThat(state(run, s.contactId("old"))).isEqualTo("sent");
        assertThat(Db.count(
                        db,
                        "select attempts from delivery where run_id = ?::uuid and contact_id = ?",
                        run,
                        s.contactId("old")))
                .as("the crashed claim, the sweep, the new claim")
                .isGreaterThanOrEqualTo(3);
        assertThat(Db.count(
                        db,
                        "select count(*) from outbox_event where topic = ? and record_key = ?",
                        Topics.OUTREACH_DELIVERIES,
                        s.contactId("old")))
                .as("fresh delivery jobs")
                .isEqualTo(1);

        assertThat(state(run, s.contactId("new"))).isEqualTo("sending");
        assertThat(Db.string(
                        db,
                        "select claim_token::text from delivery where run_id = ?::uuid and contact_id = ?",
                        run,
                        s.contactId("new")))
                .isEqualTo(live.toString());
        assertThat(s.mailsTo("new")).isEmpty();
        // Not left for the launcher's sweep to mail once its lease is over, after this test.
        execute("delete from delivery where run_id = ?::uuid and contact_id = ?", run, s.contactId("new"));
    }

    @Test
    void anExpiredClaimOfACancelledRunIsCancelledNotSent() {
        Scenario s = new Scenario(stack, db);
        s.contacts(Map.of("zed", ConsentStatus.CONFIRMED));
        String campaign = s.createCampaign(s.emailCampaign("PT1H"));
        String startedId = TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("o-" + s.marker, s.platform));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.processed(db, startedId));
        String run = (String) s.runs(campaign).get(0).get("id");
        given().auth()
                .oauth2(s.key)
                .post("/api/v1/runs/{id}/cancel", run)
                .then()
                .statusCode(200);
        claimed(s, run, "zed", "1 hour");

        sweeper.sweep();

        await().atMost(Duration.ofSeconds(30)).until(() -> "cancelled".equals(state(run, s.contactId("zed"))));
        assertThat(lastError(run, s.contactId("zed")))
                .isEqualTo("claim lease expired (sender crashed?); run cancelled");
        assertNoJobAndNoMail(s, "zed");
    }

    @Test
    void anExpiredClaimOfAnOutageRunIsCancelledOnceTheOutageIsResolved() {
        Scenario s = new Scenario(stack, db);
        s.contacts(Map.of("ann", ConsentStatus.CONFIRMED));
        String campaign = s.createCampaign(s.emailCampaign("PT0S"));
        OutageStarted started = TestBus.outage("o-" + s.marker, s.platform);
        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, started);
        await().atMost(Duration.ofSeconds(30)).until(() -> s.mailsTo("ann").size() == 1);
        String run = (String) s.runs(campaign).get(0).get("id");
        // A contact the run's sender had claimed when it crashed (it joined the projection later here).
        TestBus.send(
                s.kafka,
                Topics.CONTACTS,
                TestBus.contact(s.tenant, s.contactId("cy"), 1, s.address("cy"), ConsentStatus.CONFIRMED));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Db.count(db, "select count(*) from outreach_contact where contact_id = ?", s.contactId("cy"))
                                == 1);
        TestBus.send(
                s.kafka,
                Topics.PLATFORM_OUTAGES,
                new OutageResolved(
                        started.outageId(),
                        s.platform,
                        null,
                        OutageSource.PROBE,
                        started.startedAt(),
                        Instant.now(),
                        null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(
                                db,
                                "select count(*) from outage where outage_id = ? and resolved_at is not null",
                                started.outageId())
                        == 1);
        assertThat(Db.string(db, "select status from campaign_run where id = ?::uuid", run))
                .as("a dispatched run stays dispatched when its outage is resolved")
                .isEqualTo("dispatched");
        claimed(s, run, "cy", "1 hour");

        sweeper.sweep();

        await().atMost(Duration.ofSeconds(30)).until(() -> "cancelled".equals(state(run, s.contactId("cy"))));
        assertThat(lastError(run, s.contactId("cy")))
                .isEqualTo("claim lease expired (sender crashed?); outage resolved");
        assertNoJobAndNoMail(s, "cy");
    }

    private void assertNoJobAndNoMail(Scenario s, String name) {
        assertThat(Db.count(
                        db,
                        "select count(*) from outbox_event where topic = ? and record_key = ?",
                        Topics.OUTREACH_DELIVERIES,
                        s.contactId(name)))
                .as("delivery jobs")
                .isZero();
        assertThat(s.mailsTo(name)).isEmpty();
    }

    /** A delivery in sending, claimed {@code age} ago by an instance that is gone. @return its claim token */
    private UUID claimed(Scenario s, String runId, String name, String age) {
        UUID token = UUID.randomUUID();
        execute("""
                insert into delivery (run_id, contact_id, channel, tenant_id, platform_id, outage_notice, state, attempts,
                    created_at, updated_at, claimed_at, claimed_by, claim_token)
                values (?::uuid, ?, 'email', ?, ?, false, 'sending', 1, now(), now(), now() - ?::interval, 'gone@crashed', ?)
                """, runId, s.contactId(name), s.tenant, s.platform, age, token);
        return token;
    }

    private String state(String runId, String contactId) {
        return Db.string(db, "select state from delivery where run_id = ?::uuid and contact_id = ?", runId, contactId);
    }

    private String lastError(String runId, String contactId) {
        return Db.string(
                db, "select last_error from delivery where run_id = ?::uuid and contact_id = ?", runId, contactId);
    }

    private void execute(String sql, Object... args) {
        try (var c = db.getConnection();
                var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
