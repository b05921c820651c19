package dev.lifeline.outreach.run;

import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.contact.ContactUpserted;
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
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RunLifecycleTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    DataSource db;

    @Test
    void aBlipResolvedWithinTheGracePeriodMailsNobodyNotEvenWereBack() {
        Scenario s = new Scenario(stack, db);
        s.contacts(Map.of("bea", ConsentStatus.CONFIRMED));
        String outageCampaign = s.createCampaign(s.emailCampaign("PT1H"));
        String backCampaign = s.createCampaign(weAreBack(s));

        OutageStarted started = TestBus.outage("o-" + s.marker, s.platform);
        String startedId = TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, started);
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.processed(db, startedId));
        assertThat(s.runs(outageCampaign))
                .singleElement()
                .satisfies(r -> assertThat(r.get("status")).isEqualTo("scheduled"));

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
        // The "we're back" run ran, and found nobody who had been told of the outage.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> s.runs(backCampaign).size() == 1
                        && "completed".equals(s.runs(backCampaign).get(0).get("status")));
        assertThat(s.runs(backCampaign).get(0)).containsEntry("audience", 0);
        assertThat(s.runs(outageCampaign))
                .singleElement()
                .satisfies(r -> assertThat(r.get("status")).isEqualTo("cancelled"));
        assertThat(s.mails()).isEmpty();
    }

    @Test
    void wereBackReachesOnlyThoseToldOfTheOutageAndEachOfThemOnce() {
        Scenario s = new Scenario(stack, db);
        s.contacts(Map.of("bea", ConsentStatus.CONFIRMED));
        s.createCampaign(s.emailCampaign("PT0S"));
        // Two "we're back" campaigns on the same channel: still one message per contact and incident.
        String back = s.createCampaign(weAreBack(s));
        String backAgain = s.createCampaign(weAreBack(s));

        OutageStarted started = TestBus.outage("o-" + s.marker, s.platform);
        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, started);
        await().atMost(Duration.ofSeconds(30)).until(() -> s.mailsTo("bea").size() == 1);
        // Cal signs up during the outage: nobody told her the platform was down.
        TestBus.send(
                s.kafka,
                Topics.CONTACTS,
                TestBus.contact(s.tenant, s.contactId("cal"), 1, s.address("cal"), ConsentStatus.CONFIRMED));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(db, "select count(*) from outreach_contact where tenant_id = ?", s.tenant) == 2);

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
        await().atMost(Duration.ofSeconds(30)).until(() -> s.mailsTo("bea").size() == 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> s.runs(back).size() == 1
                        && s.runs(backAgain).size() == 1
                        && "completed".equals(s.runs(back).get(0).get("status"))
                        && "completed".equals(s.runs(backAgain).get(0).get("status")));
        assertThat(s.mailsTo("bea").get(1).subject()).isEqualTo("We're back on p" + s.marker);
        assertThat(s.mailsTo("bea")).hasSize(2);
        assertThat(s.mailsTo("cal")).isEmpty();
    }

    private static Map<String, Object> weAreBack(Scenario s) {
        Map<String, Object> back = s.emailCampaign("PT0S");
        back.put("kind", "recovery");
        back.put("subject", "We're back on {outage.platform}");
        return back;
    }

    @Test
    void manualDryRunCountsTheAudienceAndSendsNothingThenARealRunSends() {
        Scenario s = new Scenario(stack, db);
        s.contacts(Map.of("cy", ConsentStatus.CONFIRMED, "di", ConsentStatus.CONFIRMED, "ed", ConsentStatus.PENDING));
        String campaign = s.createCampaign(s.emailCampaign("PT2M"));

        String dry = given().auth()
                .oauth2(s.key)
                .contentType("application/json")
                .body("{\"dryRun\":true}")
                .post("/api/v1/campaigns/{id}/runs", campaign)
                .then()
                .statusCode(202)
                .body("dryRun", equalTo(true))
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "completed".equals(s.run(dry).get("status")));
        assertThat(s.run(dry)).containsEntry("audience", 2).containsEntry("sent", 0);

        String real = given().auth()
                .oauth2(s.key)
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/campaigns/{id}/runs", campaign)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        s.mails().size() == 2 && "completed".equals(s.run(real).get("status")));
        assertThat(s.run(real))
                .containsEntry("audience", 2)
                .containsEntry("sent", 2)
                .containsEntry("queued", 0);
        assertThat(s.mails()).flatExtracting(m -> m.to()).containsExactlyInAnyOrder(s.address("cy"), s.address("di"));

        given().auth()
                .oauth2(s.key)
                .get("/api/v1/runs/{id}/deliveries", real)
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("state", Matchers.everyItem(equalTo("sent")))
                .body("providerMessageId", Matchers.everyItem(Matchers.startsWith("<")));
        given().auth()
                .oauth2(s.key)
                .get("/api/v1/runs/{id}/deliveries?limit=0", real)
                .then()
                .statusCode(400);
    }

    @Test
    void cancellingAScheduledRunStopsIt() {
        Scenario s = new Scenario(stack, db);
        s.contacts(Map.of("fay", ConsentStatus.CONFIRMED));
        String campaign = s.createCampaign(s.emailCampaign("PT1H"));
        String startedId = TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("o-" + s.marker, s.platform));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.processed(db, startedId));
        String runId = (String) s.runs(campaign).get(0).get("id");
        given().auth()
                .oauth2(s.key)
                .post("/api/v1/runs/{id}/cancel", runId)
                .then()
                .statusCode(200)
                .body("status", equalTo("cancelled"));
        Scenario other = new Scenario(stack, db);
        given().auth()
                .oauth2(other.key)
                .post("/api/v1/runs/{id}/cancel", runId)
                .then()
                .statusCode(404);
    }

    @Test
    void manualTriggerOfAnAnyPlatformCampaignNeedsAPlatform() {
        Scenario s = new Scenario(stack, db);
        Map<String, Object> any = s.emailCampaign("PT0S");
        any.put("platformId", "any");
        String campaign = s.createCampaign(any);
        given().auth()
                .oauth2(s.key)
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/campaigns/{id}/runs", campaign)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("platformId"));
        given().auth()
                .oauth2(s.key)
                .contentType("application/json")
                .body("{\"dryRun\":\"maybe\"}")
                .post("/api/v1/campaigns/{id}/runs", campaign)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dryRun"));
    }

    @Test
    void quietHoursInTheContactsTimeZoneDeferTheMessageInsteadOfDroppingIt() {
        Scenario s = new Scenario(stack, db);
        s.contacts(Map.of("gus", ConsentStatus.CONFIRMED));
        LocalTime berlin = LocalTime.now(ZoneId.of("Europe/Berlin"));
        Map<String, Object> body = s.emailCampaign("PT0S");
        body.put(
                "quietHours",
                Map.of(
                        "start",
                        berlin.minusHours(1).withSecond(0).withNano(0).toString(),
                        "end",
                        berlin.plusHours(1).withSecond(0).withNano(0).toString()));
        String campaign = s.createCampaign(body);
        String run = given().auth()
                .oauth2(s.key)
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/campaigns/{id}/runs", campaign)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Integer.valueOf(1).equals(s.run(run).get("deferred")));
        assertThat(s.run(run))
                .containsEntry("status", "dispatched")
                .containsEntry("sent", 0)
                .containsEntry("queued", 0);
        assertThat(Db.string(
                        db,
                        "select not_before > now() + interval '50 minutes' from delivery where run_id = ?::uuid",
                        run))
                .isEqualTo("t");
        assertThat(s.mails()).isEmpty();
        // Cancelling the run (or the outage resolving) drops what is still deferred.
        given().auth()
                .oauth2(s.key)
                .post("/api/v1/runs/{id}/cancel", run)
                .then()
                .statusCode(200)
                .body("cancelled", equalTo(1))
                .body("deferred", equalTo(0));
    }

    @Test
    void aContactWithoutATimeZoneKeepsQuietHoursInTheBusinessesTimeZone() {
        Scenario s = new Scenario(stack, db);
        // The business is in Berlin (UTC+1 or +2); this contact signed up without saying where they are.
        TestBus.send(
                s.kafka,
                Topics.CONTACTS,
                new ContactUpserted(
                        s.tenant,
                        s.contactId("ida"),
                        1,
                        "Ida",
                        s.address("ida"),
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(ContactChannel.EMAIL),
                        Map.of(ContactChannel.EMAIL, ConsentStatus.CONFIRMED),
                        Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(db, "select count(*) from outreach_contact where tenant_id = ?", s.tenant) == 1);
        // Quiet now in Berlin, and not in UTC, which is at least an hour behind.
        LocalTime berlin = LocalTime.now(ZoneId.of("Europe/Berlin"));
        Map<String, Object> body = s.emailCampaign("PT0S");
        body.put(
                "quietHours",
                Map.of(
                        "start",
                        berlin.minusMinutes(20).withSecond(0).withNano(0).toString(),
                        "end",
                        berlin.plusMinutes(30).withSecond(0).withNano(0).toString()));
        String campaign = s.createCampaign(body);
        String run = given().auth()
                .oauth2(s.key)
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/campaigns/{id}/runs", campaign)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Integer.valueOf(1).equals(s.run(run).get("deferred")));
        assertThat(s.mails()).isEmpty();
        given().auth()
                .oauth2(s.key)
                .post("/api/v1/runs/{id}/cancel", run)
                .then()
                .statusCode(200);
    }
}
