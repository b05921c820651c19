package dev.lifeline.outreach.sms;

import dev.lifeline.events.EventCodec;
import dev.lifeline.events.EventTypes;
import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.contact.ContactUpserted;
import dev.lifeline.events.outreach.ConsentWithdrawn;
import dev.lifeline.events.outreach.WithdrawalReason;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.Db;
import dev.lifeline.outreach.FakeEndpoints;
import dev.lifeline.outreach.Scenario;
import dev.lifeline.outreach.TestBus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A customer texts STOP or START to the number every business sends from, and Twilio posts it to the number's
 * incoming-message webhook, signed: STOP withdraws SMS consent for that phone number, START asks for it back where a
 * STOP had taken it, and nothing unsigned or malformed changes anything.
 */
@QuarkusTest
class TwilioInboundTest {

    /** lifeline.outreach.public-base-url of the test profile, plus the webhook's path. */
    private static final String INBOUND_URL = "http://outreach.test/webhooks/twilio/inbound";

    @InjectLocalStack
    LocalStack stack;

    @Inject
    DataSource db;

    @Test
    void aTextedStopWithdrawsSmsConsentOfThatNumberInEveryBusinessAndTheNextCampaignDoesNotTextThem() {
        Scenario shop = new Scenario(stack, db);
        Scenario bakery = new Scenario(stack, db);
        String phone = phone(shop);
        smsContact(shop, "ann", phone, 1);
        smsContact(bakery, "ann", phone, 1);
        smsContact(bakery, "ben", phone(bakery), 1);

        inbound(message(phone, "  Stop! "), FakeEndpoints.AUTH_TOKEN)
                .statusCode(200)
                .contentType("text/xml")
                .body(equalTo(TwilioInboundResource.EMPTY_TWIML));

        for (Scenario s : List.of(shop, bakery)) {
            ConsentWithdrawn withdrawn = EventCodec.decode(
                    TestBus.awaitRecord(
                                    s.kafka,
                                    Topics.CONSENT_WITHDRAWALS,
                                    r -> s.contactId("ann").equals(r.key()))
                            .value(),
                    ConsentWithdrawn.class);
            assertThat(withdrawn.reason()).isEqualTo(WithdrawalReason.TEXTED_STOP);
            assertThat(withdrawn.channel()).isEqualTo(ContactChannel.SMS);
        }
        assertThat(Db.count(db, "select count(*) from suppression where contact_id = ?", bakery.contactId("ben")))
                .isZero();

        String campaign = bakery.createCampaign(new HashMap<>(Map.of(
                "name",
                "SMS",
                "platformId",
                bakery.platform,
                "channel",
                "sms",
                "textBody",
                "Still here " + bakery.marker,
                "gracePeriod",
                "PT0S")));
        String run = given().auth()
                .oauth2(bakery.key)
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/campaigns/{id}/runs", campaign)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "completed".equals(bakery.run(run).get("status")));
        assertThat(bakery.run(run)).containsEntry("audience", 1).containsEntry("sent", 1);
        assertThat(FakeEndpoints.SMS)
                .filteredOn(m -> m.body().endsWith(bakery.marker))
                .extracting(FakeEndpoints.Sms::to)
                .containsExactly(phone(bakery));
    }

    @Test
    void aTextedStartAsksForSmsBackOnlyWhereATextedStopTookItAndSmsFlowsOnceTheLedgerConfirms() {
        Scenario s = new Scenario(stack, db);
        String phone = phone(s);
        smsContact(s, "cat", phone, 1);
        smsContact(s, "dan", phone, 1);
        // Dan had unsubscribed from SMS by the link in an earlier message: a START is not his new consent.
        Db.update(
                db,
                "insert into suppression (tenant_id, contact_id, channel, reason, at) values (?, ?, 'sms', 'unsubscribe', now())",
                s.tenant,
                s.contactId("dan"));
        inbound(message(phone, "STOP"), FakeEndpoints.AUTH_TOKEN).statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(
                                db,
                                "select count(*) from suppression where tenant_id = ? and reason = 'texted_stop'",
                                s.tenant)
                        == 1);

        Map<String, String> start = message(phone, "start");
        start.put("OptOutType", "START");
        inbound(start, FakeEndpoints.AUTH_TOKEN).statusCode(200);
        inbound(start, FakeEndpoints.AUTH_TOKEN).statusCode(200); // Twilio's retry

        TestBus.awaitRecord(
                s.kafka,
                Topics.CONSENT_WITHDRAWALS,
                r -> s.contactId("cat").equals(r.key())
                        && EventTypes.CONSENT_RESTORED.equals(TestBus.header(r, "ce_type")));
        // Both would have been written in the one transaction that handled the START.
        assertThat(Db.count(
                        db,
                        "select count(*) from outbox_event where event_type = ? and record_key = ?",
                        EventTypes.CONSENT_RESTORED,
                        s.contactId("cat")))
                .isEqualTo(1);
        assertThat(Db.count(
                        db,
                        "select count(*) from outbox_event where event_type = ? and record_key = ?",
                        EventTypes.CONSENT_RESTORED,
                        s.contactId("dan")))
                .isZero();

        // contact-service confirms SMS again (its ledger's answer to the START): the suppression goes, texts flow.
        smsContact(s, "cat", phone, 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Db.count(db, "select count(*) from suppression where contact_id = ?", s.contactId("cat")) == 0);
        assertThat(Db.count(db, "select count(*) from suppression where contact_id = ?", s.contactId("dan")))
                .isEqualTo(1);
    }

    @Test
    void forgedMalformedOrOrdinaryMessagesChangeNothing() {
        Scenario s = new Scenario(stack, db);
        String phone = phone(s);
        smsContact(s, "eve", phone, 1);

        inbound(message(phone, "STOP"), "not-the-auth-token").statusCode(403).contentType("application/problem+json");
        given().contentType("application/x-www-form-urlencoded")
                .formParams(message(phone, "STOP"))
                .post("/webhooks/twilio/inbound")
                .then()
                .statusCode(403);
        Map<String, String> otherAccount = message(phone, "STOP");
        otherAccount.put("AccountSid", "AC" + "9".repeat(32));
        inbound(otherAccount, FakeEndpoints.AUTH_TOKEN).statusCode(403);
        Map<String, String> noFrom = message(phone, "STOP");
        noFrom.remove("From");
        inbound(noFrom, FakeEndpoints.AUTH_TOKEN).statusCode(400).body("errors[0].field", equalTo("From"));
        Map<String, String> noSid = message(phone, "STOP");
        noSid.remove("MessageSid");
        inbound(noSid, FakeEndpoints.AUTH_TOKEN).statusCode(400).body("errors[0].field", equalTo("MessageSid"));
        given().contentType("application/x-www-form-urlencoded")
                .body("From=%ZZ&Body=STOP")
                .post("/webhooks/twilio/inbound")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        inbound(message(phone, "Please don't stop the deals"), FakeEndpoints.AUTH_TOKEN)
                .statusCode(200);
        inbound(message(phone, "HELP"), FakeEndpoints.AUTH_TOKEN).statusCode(200);

        // A real STOP afterwards is heard: everything before it was, and changed nothing.
        inbound(message(phone, "UNSUBSCRIBE"), FakeEndpoints.AUTH_TOKEN).statusCode(200);
        TestBus.awaitRecord(
                s.kafka, Topics.CONSENT_WITHDRAWALS, r -> s.contactId("eve").equals(r.key()));
        assertThat(Db.count(
                        db,
                        "select count(*) from outbox_event where event_type = ? and record_key = ?",
                        EventTypes.CONSENT_WITHDRAWN,
                        s.contactId("eve")))
                .isEqualTo(1);
    }

    private static String phone(Scenario s) {
        return "+49153" + String.format("%07d", Math.abs(s.marker.hashCode()) % 10_000_000);
    }

    private static void smsContact(Scenario s, String name, String phone, long version) {
        TestBus.send(
                s.kafka,
                Topics.CONTACTS,
                new ContactUpserted(
                        s.tenant,
                        s.contactId(name),
                        version,
                        "Ann " + name,
                        s.address(name),
                        phone,
                        "en",
                        "UTC",
                        List.of(),
                        List.of(ContactChannel.SMS),
                        Map.of(ContactChannel.SMS, ConsentStatus.CONFIRMED),
                        Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(
                                s.db,
                                "select count(*) from outreach_contact where contact_id = ? and version = ?",
                                s.contactId(name),
                                version)
                        == 1);
    }

    /** An incoming message as Twilio posts it to the number's webhook. */
    private static Map<String, String> message(String from, String body) {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        return new HashMap<>(Map.of(
                "MessageSid",
                sid,
                "SmsSid",
                sid,
                "AccountSid",
                FakeEndpoints.ACCOUNT_SID,
                "From",
                from,
                "To",
                "+15005550006",
                "Body",
                body,
                "NumMedia",
                "0",
                "ApiVersion",
                "2010-04-01"));
    }

    private static ValidatableResponse inbound(Map<String, String> form, String authToken) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParams(form)
                .header("X-Twilio-Signature", TwilioSignature.of(authToken, INBOUND_URL, form))
                .post("/webhooks/twilio/inbound")
                .then();
    }
}
