package dev.lifeline.outreach.sms;

import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.contact.ContactUpserted;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.Db;
import dev.lifeline.outreach.FakeEndpoints;
import dev.lifeline.outreach.Scenario;
import dev.lifeline.outreach.TestBus;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Twilio's status callbacks, as Twilio sends them (form-encoded, signed with the account's auth token over the URL
 * outreach gave as {@code StatusCallback}): a receipt lands on the delivery once, a STOP at the carrier withdraws
 * SMS consent, and nothing unsigned or malformed changes anything.
 */
@QuarkusTest
class TwilioStatusCallbackTest {

    /** lifeline.outreach.public-base-url of the test profile, plus the callback's path. */
    private static final String CALLBACK_URL = "http://outreach.test/webhooks/twilio/status";

    @InjectLocalStack
    LocalStack stack;

    @Inject
    DataSource db;

    @TestHTTPResource("/webhooks/twilio/status")
    URI callback;

    @Test
    void aDeliveredReceiptCountsOnTheRunOnceAndALateOrReplayedCallbackChangesNothing() {
        Scenario s = new Scenario(stack, db);
        String run = smsRun(s, "sam");
        FakeEndpoints.Sms sms = sentTo(s);
        assertThat(sms.statusCallback()).isEqualTo(CALLBACK_URL);

        callback(status(sms.sid(), "delivered", null), FakeEndpoints.AUTH_TOKEN).statusCode(204);
        assertThat(s.run(run))
                .containsEntry("sent", 1)
                .containsEntry("delivered", 1)
                .containsEntry("undelivered", 0);

        callback(status(sms.sid(), "delivered", null), FakeEndpoints.AUTH_TOKEN).statusCode(204);
        callback(status(sms.sid(), "undelivered", "30003"), FakeEndpoints.AUTH_TOKEN)
                .statusCode(204);
        assertThat(s.run(run)).containsEntry("delivered", 1).containsEntry("undelivered", 0);
        assertThat(Db.string(db, "select receipt from delivery where provider_message_id = ?", sms.sid()))
                .isEqualTo("delivered");
    }

    @Test
    void aRecipientWhoTextedStopIsUndeliveredAndLosesSmsConsent() {
        Scenario s = new Scenario(stack, db);
        String run = smsRun(s, "stu");
        FakeEndpoints.Sms sms = sentTo(s);

        callback(status(sms.sid(), "undelivered", "21610"), FakeEndpoints.AUTH_TOKEN)
                .statusCode(204);
        assertThat(s.run(run)).containsEntry("undelivered", 1).containsEntry("delivered", 0);
        assertThat(Db.string(db, "select receipt_error from delivery where provider_message_id = ?", sms.sid()))
                .isEqualTo("twilio code 21610");
        assertThat(Db.count(
                        db,
                        "select count(*) from suppression where contact_id = ? and channel = 'sms'",
                        s.contactId("stu")))
                .isEqualTo(1);
    }

    @Test
    void forgedUnsignedOrMalformedCallbacksAreRefusedAndChangeNothing() throws Exception {
        Scenario s = new Scenario(stack, db);
        String run = smsRun(s, "fay");
        FakeEndpoints.Sms sms = sentTo(s);

        callback(status(sms.sid(), "delivered", null), "not-the-auth-token")
                .statusCode(403)
                .contentType("application/problem+json");
        given().contentType("application/x-www-form-urlencoded")
                .formParams(status(sms.sid(), "delivered", null))
                .post("/webhooks/twilio/status")
                .then()
                .statusCode(403);
        Map<String, String> otherAccount = status(sms.sid(), "delivered", null);
        otherAccount.put("AccountSid", "AC" + "9".repeat(32));
        callback(otherAccount, FakeEndpoints.AUTH_TOKEN).statusCode(403);

        Map<String, String> noSid = status(sms.sid(), "delivered", null);
        noSid.remove("MessageSid");
        callback(noSid, FakeEndpoints.AUTH_TOKEN).statusCode(400).body("errors[0].field", equalTo("MessageSid"));
        Map<String, String> noStatus = status(sms.sid(), "delivered", null);
        noStatus.remove("MessageStatus");
        callback(noStatus, FakeEndpoints.AUTH_TOKEN).statusCode(400).body("errors[0].field", equalTo("MessageStatus"));
        given().contentType("application/json")
                .body("{\"MessageSid\":\"" + sms.sid() + "\"}")
                .post("/webhooks/twilio/status")
                .then()
                .statusCode(415);
        // A body that is not form encoding is a 400 naming it; one that is but carries no signature, a 403.
        assertThat(raw("&&&===&%&")).isEqualTo(400);
        assertThat(raw("MessageSid=%ZZ&MessageStatus=delivered")).isEqualTo(400);
        assertThat(raw("\u00ff\u00fe\u0000=\u0001")).isEqualTo(403);
        // A message outreach never sent, and a status that is not final: accepted (Twilio retries anything else).
        callback(status("SM" + "0".repeat(32), "delivered", null), FakeEndpoints.AUTH_TOKEN)
                .statusCode(204);
        callback(status(sms.sid(), "sent", null), FakeEndpoints.AUTH_TOKEN).statusCode(204);

        assertThat(s.run(run))
                .containsEntry("sent", 1)
                .containsEntry("delivered", 0)
                .containsEntry("undelivered", 0);
    }

    /** Posts bytes as they are (RestAssured would encode them); answers the status, which must come as a problem. */
    private int raw(String body) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(callback)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(
                                        body.getBytes(StandardCharsets.ISO_8859_1)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.headers().firstValue("Content-Type"))
                .as(answer.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        return answer.statusCode();
    }

    /** An SMS campaign run to one contact, waited on until Twilio (the fake) took the message. */
    private static String smsRun(Scenario s, String name) {
        String phone = "+49152" + String.format("%07d", Math.abs((s.marker + name).hashCode()) % 10_000_000);
        TestBus.send(
                s.kafka,
                Topics.CONTACTS,
                new ContactUpserted(
                        s.tenant,
                        s.contactId(name),
                        1,
                        "Sam " + name,
                        s.address(name),
                        phone,
                        "en",
                        "UTC",
                        List.of(),
                        List.of(ContactChannel.SMS),
                        Map.of(ContactChannel.SMS, ConsentStatus.CONFIRMED),
                        Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Db.count(s.db, "select count(*) from outreach_contact where tenant_id = ?", s.tenant) == 1);
        String campaign = s.createCampaign(new HashMap<>(Map.of(
                "name",
                "SMS",
                "platformId",
                s.platform,
                "channel",
                "sms",
                "textBody",
                "Hi {contact.firstName}, we are still here " + s.marker,
                "gracePeriod",
                "PT0S")));
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
                .until(() -> Integer.valueOf(1).equals(s.run(run).get("sent")));
        return run;
    }

    private static FakeEndpoints.Sms sentTo(Scenario s) {
        return FakeEndpoints.SMS.stream()
                .filter(m -> m.body().endsWith(s.marker))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, String> status(String sid, String status, String errorCode) {
        Map<String, String> form = new HashMap<>(Map.of(
                "MessageSid",
                sid,
                "SmsSid",
                sid,
                "MessageStatus",
                status,
                "SmsStatus",
                status,
                "AccountSid",
                FakeEndpoints.ACCOUNT_SID,
                "From",
                "+15005550006",
                "To",
                "+4915200000000",
                "ApiVersion",
                "2010-04-01"));
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        return form;
    }

    private static ValidatableResponse callback(Map<String, String> form, String authToken) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParams(form)
                .header("X-Twilio-Signature", TwilioSignature.of(authToken, CALLBACK_URL, form))
                .post("/webhooks/twilio/status")
                .then();
    }
}
