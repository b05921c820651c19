package dev.lifeline.outreach.unsubscribe;

import dev.lifeline.events.EventCodec;
import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.outreach.ConsentWithdrawn;
import dev.lifeline.events.outreach.WithdrawalReason;
import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.Db;
import dev.lifeline.outreach.Scenario;
import dev.lifeline.outreach.TestBus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class UnsubscribeTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    DataSource db;

    @Test
    void oneClickUnsubscribeWithdrawsAtOnceAndTellsContactService() {
        Scenario s = new Scenario(stack, db);
        s.contacts(Map.of("ann", ConsentStatus.CONFIRMED));
        s.createCampaign(s.emailCampaign("PT0S"));
        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("o1-" + s.marker, s.platform));
        await().atMost(Duration.ofSeconds(30)).until(() -> s.mailsTo("ann").size() == 1);
        CapturedMail mail = s.mailsTo("ann").get(0);
        String link = mail.header("List-Unsubscribe").replaceAll("[<>]", "");
        assertThat(mail.text()).contains(link);
        String path = URI.create(link).getPath();

        // A mail scanner following the link changes nothing; the page asks.
        given().get(path)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<form method=\"post\""));
        assertThat(Db.count(db, "select count(*) from suppression where contact_id = ?", s.contactId("ann")))
                .isZero();

        // RFC 8058 one-click: a POST with List-Unsubscribe=One-Click.
        given().contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .post(path)
                .then()
                .statusCode(200)
                .body(containsString("unsubscribed"));
        assertThat(Db.count(db, "select count(*) from suppression where contact_id = ?", s.contactId("ann")))
                .isEqualTo(1);

        var record = TestBus.awaitRecord(
                s.kafka, Topics.CONSENT_WITHDRAWALS, r -> s.contactId("ann").equals(r.key()));
        ConsentWithdrawn withdrawn = EventCodec.decode(record.value(), ConsentWithdrawn.class);
        assertThat(withdrawn.tenantId()).isEqualTo(s.tenant);
        assertThat(withdrawn.channel()).isEqualTo(ContactChannel.EMAIL);
        assertThat(withdrawn.reason()).isEqualTo(WithdrawalReason.UNSUBSCRIBE);

        // The next outage (after the window would allow it) does not reach her: a manual run proves the audience is
        // empty.
        String campaign = s.createCampaign(s.emailCampaign("PT0S"));
        given().auth()
                .oauth2(s.key)
                .contentType("application/json")
                .body("{\"dryRun\":true}")
                .post("/api/v1/campaigns/{id}/runs", campaign)
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> s.runs(campaign).stream().anyMatch(r -> "completed".equals(r.get("status"))));
        assertThat(s.runs(campaign).get(0).get("audience")).isEqualTo(0);
    }

    @Test
    void aForgedOrEditedLinkIsRefused() {
        given().get("/unsubscribe/not-a-token").then().statusCode(404).body(containsString("not valid"));
        given().post("/unsubscribe/eyJ0ZW5hbnQiOiJ4In0.c2lnbmF0dXJl").then().statusCode(404);
    }
}
