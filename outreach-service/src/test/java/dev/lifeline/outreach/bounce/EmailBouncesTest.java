package dev.lifeline.outreach.bounce;

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
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Asynchronous e-mail outcomes against the real mail a run sent (GreenMail): SendGrid Event Webhook posts signed as
 * SendGrid signs them, and bounces as Postfix, Exim and Gmail write them, piped in by the MTA. A hard bounce or a
 * complaint withdraws e-mail consent once and counts once; a replay, a forgery or another business's message changes
 * nothing.
 */
@QuarkusTest
class EmailBouncesTest {

    private static final String DSN_SECRET = "test-dsn-pipe-secret-0123456789";

    @InjectLocalStack
    LocalStack stack;

    @Inject
    DataSource db;

    /** One run of an e-mail campaign to the named contacts, waited on until the SMTP server has every message. */
    private static String run(Scenario s, String... names) {
        s.contacts(Arrays.stream(names).collect(Collectors.toMap(n -> n, n -> ConsentStatus.CONFIRMED)));
        String campaign = s.createCampaign(s.emailCampaign("PT0S"));
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
                .until(() -> Integer.valueOf(names.length).equals(s.run(run).get("sent")));
        await().atMost(Duration.ofSeconds(30)).until(() -> s.mails().size() == names.length);
        return run;
    }

    private static CapturedMail mailTo(Scenario s, String name) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !s.mailsTo(name).isEmpty());
        return s.mailsTo(name).get(0);
    }

    private static ValidatableResponse sendgrid(String body, SendGridSigner signer) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        return given().contentType("application/json")
                .body(body)
                .header("X-Twilio-Email-Event-Webhook-Signature", signer.sign(timestamp, body))
                .header("X-Twilio-Email-Event-Webhook-Timestamp", timestamp)
                .post(SendGridEventsResource.PATH)
                .then();
    }

    private static String event(String event, String type, CapturedMail mail, boolean withRef) {
        return "{\"email\":\"" + mail.to().get(0) + "\",\"timestamp\":1764669600,\"smtp-id\":\""
                + mail.header("Message-ID") + "\",\"event\":\"" + event + "\""
                + (type == null
                        ? ""
                        : ",\"type\":\"" + type + "\",\"status\":\"5.1.1\",\"reason\":\"550 5.1.1 unknown user\"")
                + ",\"sg_event_id\":\"" + TestBus.uid() + "\",\"sg_message_id\":\"" + TestBus.uid() + ".filter0001\""
                + (withRef ? ",\"lifeline_ref\":\"" + mail.header(DeliveryRef.HEADER) + "\"" : "") + "}";
    }

    private static ValidatableResponse dsn(String message, String secret) {
        return given().contentType("message/rfc822")
                .header("Authorization", "Bearer " + secret)
                .body(message.getBytes(StandardCharsets.ISO_8859_1))
                .post(DsnResource.PATH)
                .then();
    }

    private long suppressed(Scenario s, String name, String reason) {
        return Db.count(
                db,
                "select count(*) from suppression where contact_id = ? and channel = 'email' and reason = ?",
                s.contactId(name),
                reason);
    }

    @Test
    void aSignedSendGridHardBounceWithdrawsEmailConsentAndCountsOnceEvenWhenReplayed() {
        Scenario s = new Scenario(stack, db);
        String run = run(s, "bea", "ben");
        CapturedMail bea = mailTo(s, "bea");
        CapturedMail ben = mailTo(s, "ben");
        assertThat(bea.header(DeliveryRef.HEADER))
                .as("every mail carries its signed delivery reference")
                .startsWith(run + "." + s.contactId("bea") + ".");
        assertThat(bea.header("X-SMTPAPI"))
                .isEqualTo("{\"unique_args\":{\"lifeline_ref\":\"" + bea.header(DeliveryRef.HEADER) + "\"}}");

        String post = "[" + event("processed", null, bea, true) + "," + event("bounce", "bounce", bea, true) + ","
                + event("delivered", null, ben, false) + "]";
        sendgrid(post, SendGridSigner.test()).statusCode(204);
        assertThat(s.run(run))
                .containsEntry("sent", 2)
                .containsEntry("bounced", 1)
                .containsEntry("delivered", 1)
                .containsEntry("complained", 0);
        assertThat(suppressed(s, "bea", "hard_bounce")).isEqualTo(1);
        ConsentWithdrawn withdrawn = EventCodec.decode(
                TestBus.awaitRecord(
                                s.kafka,
                                Topics.CONSENT_WITHDRAWALS,
                                r -> s.contactId("bea").equals(r.key()))
                        .value(),
                ConsentWithdrawn.class);
        assertThat(withdrawn.reason()).isEqualTo(WithdrawalReason.HARD_BOUNCE);
        assertThat(withdrawn.channel()).isEqualTo(ContactChannel.EMAIL);
        assertThat(withdrawn.tenantId()).isEqualTo(s.tenant);

        // The same post again (SendGrid retries), and a stale delivered event after the bounce: nothing changes.
        sendgrid(post, SendGridSigner.test()).statusCode(204);
        sendgrid("[" + event("delivered", null, bea, true) + "]", SendGridSigner.test())
                .statusCode(204);
        assertThat(s.run(run)).containsEntry("bounced", 1).containsEntry("delivered", 1);
        assertThat(Db.string(db, "select receipt from delivery where contact_id = ?", s.contactId("bea")))
                .isEqualTo("bounced");
        assertThat(Db.count(
                        db,
                        "select count(*) from outbox_event where topic = ? and record_key = ?",
                        Topics.CONSENT_WITHDRAWALS,
                        s.contactId("bea")))
                .as("withdrawn once")
                .isEqualTo(1);
        assertThat(s.runs(s.run(run).get("campaignId").toString()).get(0)).containsEntry("bounced", 1);
    }

    @Test
    void aSpamReportAfterDeliveryCountsAsAComplaintAndWithdrawsEmailConsent() {
        Scenario s = new Scenario(stack, db);
        String run = run(s, "cat");
        CapturedMail cat = mailTo(s, "cat");
        sendgrid("[" + event("delivered", null, cat, true) + "]", SendGridSigner.test())
                .statusCode(204);
        sendgrid("[" + event("spamreport", null, cat, true) + "]", SendGridSigner.test())
                .statusCode(204);
        sendgrid("[" + event("spamreport", null, cat, true) + "]", SendGridSigner.test())
                .statusCode(204);

        assertThat(s.run(run))
                .containsEntry("delivered", 1)
                .containsEntry("complained", 1)
                .containsEntry("bounced", 0);
        assertThat(suppressed(s, "cat", "complaint")).isEqualTo(1);
        ConsentWithdrawn withdrawn = EventCodec.decode(
                TestBus.awaitRecord(
                                s.kafka,
                                Topics.CONSENT_WITHDRAWALS,
                                r -> s.contactId("cat").equals(r.key()))
                        .value(),
                ConsentWithdrawn.class);
        assertThat(withdrawn.reason()).isEqualTo(WithdrawalReason.COMPLAINT);

        // The campaign's totals say the same; another business cannot read them.
        String campaign = s.run(run).get("campaignId").toString();
        given().auth()
                .oauth2(s.key)
                .get("/api/v1/campaigns/{id}/runs/totals", campaign)
                .then()
                .statusCode(200)
                .body("runs", equalTo(1))
                .body("sent", equalTo(1))
                .body("delivered", equalTo(1))
                .body("complained", equalTo(1))
                .body("bounced", equalTo(0));
        given().auth()
                .oauth2(new Scenario(stack, db).key)
                .get("/api/v1/campaigns/{id}/runs/totals", campaign)
                .then()
                .statusCode(404);
    }

    @Test
    void forgedOrMalformedSendGridPostsAreRefusedAndChangeNothing() {
        Scenario s = new Scenario(stack, db);
        String run = run(s, "fox");
        CapturedMail fox = mailTo(s, "fox");
        String bounce = "[" + event("bounce", "bounce", fox, true) + "]";

        sendgrid(bounce, SendGridSigner.stranger()).statusCode(403).contentType("application/problem+json");
        given().contentType("application/json")
                .body(bounce)
                .post(SendGridEventsResource.PATH)
                .then()
                .statusCode(403);
        String timestamp = "1764669600";
        given().contentType("application/json")
                .body(bounce)
                .header(
                        "X-Twilio-Email-Event-Webhook-Signature",
                        SendGridSigner.test().sign(timestamp, "[]"))
                .header("X-Twilio-Email-Event-Webhook-Timestamp", timestamp)
                .post(SendGridEventsResource.PATH)
                .then()
                .statusCode(403);

        sendgrid("{\"event\":\"bounce\"}", SendGridSigner.test())
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        sendgrid("[" + event("bounce", "bounce", fox, true) + ",{\"email\":\"x@example.com\"}]", SendGridSigner.test())
                .statusCode(400)
                .body("errors[0].field", equalTo("[1].event"));
        sendgrid("[{\"event\":\"bounce\",", SendGridSigner.test())
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        // A reference that does not verify is not trusted, even in a signed post.
        String forgedRef = fox.header(DeliveryRef.HEADER)
                        .substring(0, fox.header(DeliveryRef.HEADER).lastIndexOf('.')) + ".AAAAAAAAAAAAAAAAAAAAAA";
        sendgrid(
                        "[" + event("bounce", "bounce", fox, true).replace(fox.header(DeliveryRef.HEADER), forgedRef)
                                + "]",
                        SendGridSigner.test())
                .statusCode(204);

        assertThat(s.run(run))
                .containsEntry("sent", 1)
                .containsEntry("bounced", 0)
                .containsEntry("delivered", 0);
        assertThat(suppressed(s, "fox", "hard_bounce")).isZero();
    }

    @Test
    void aBounceForOneBusinesssMessageNeverTouchesAnotherBusinesssContactWithTheSameAddress() {
        Scenario a = new Scenario(stack, db);
        Scenario b = new Scenario(stack, db);
        String runA = run(a, "dan");
        // B's contact has the very address A's bounced; B's message goes out after A's.
        TestBus.send(
                b.kafka,
                Topics.CONTACTS,
                TestBus.contact(b.tenant, b.contactId("dan"), 1, a.address("dan"), ConsentStatus.CONFIRMED));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(db, "select count(*) from outreach_contact where tenant_id = ?", b.tenant) == 1);
        String campaignB = b.createCampaign(b.emailCampaign("PT0S"));
        String runB = given().auth()
                .oauth2(b.key)
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/campaigns/{id}/runs", campaignB)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Integer.valueOf(1).equals(b.run(runB).get("sent")));

        CapturedMail toA = a.mailsTo("dan").stream()
                .filter(m -> m.header(DeliveryRef.HEADER).startsWith(runA))
                .findFirst()
                .orElseThrow();
        sendgrid("[" + event("bounce", "bounce", toA, true) + "]", SendGridSigner.test())
                .statusCode(204);
        dsn(
                        DsnFixtures.dsn(
                                DsnFixtures.POSTFIX_USER_UNKNOWN,
                                a.address("dan"),
                                toA.header("Message-ID"),
                                toA.header(DeliveryRef.HEADER)),
                        DSN_SECRET)
                .statusCode(204);

        assertThat(a.run(runA)).containsEntry("bounced", 1);
        assertThat(b.run(runB)).containsEntry("bounced", 0).containsEntry("delivered", 0);
        assertThat(suppressed(a, "dan", "hard_bounce")).isEqualTo(1);
        assertThat(suppressed(b, "dan", "hard_bounce")).isZero();
    }

    @Test
    void aPipedPostfixOrGmailBounceIsAHardBounceAndAnEximRetryTimeoutOrADelayIsNot() {
        Scenario s = new Scenario(stack, db);
        String run = run(s, "pia", "gus", "eve", "dee");
        Map<String, String> fixtures = Map.of(
                "pia",
                DsnFixtures.POSTFIX_USER_UNKNOWN,
                "gus",
                DsnFixtures.GMAIL_ADDRESS_NOT_FOUND,
                "eve",
                DsnFixtures.EXIM_RETRY_TIMEOUT,
                "dee",
                DsnFixtures.POSTFIX_DELAYED);
        fixtures.forEach((name, fixture) -> {
            CapturedMail mail = mailTo(s, name);
            String bounce = DsnFixtures.crlf(DsnFixtures.dsn(
                    fixture, s.address(name), mail.header("Message-ID"), mail.header(DeliveryRef.HEADER)));
            dsn(bounce, DSN_SECRET).statusCode(204);
            dsn(bounce, DSN_SECRET).statusCode(204);
        });

        assertThat(s.run(run))
                .containsEntry("sent", 4)
                .containsEntry("bounced", 2)
                .containsEntry("undelivered", 1)
                .containsEntry("delivered", 0);
        for (String name : List.of("pia", "gus")) {
            assertThat(suppressed(s, name, "hard_bounce")).as(name).isEqualTo(1);
        }
        for (String name : List.of("eve", "dee")) {
            assertThat(Db.count(db, "select count(*) from suppression where contact_id = ?", s.contactId(name)))
                    .as(name)
                    .isZero();
        }
        assertThat(Db.string(db, "select receipt_error from delivery where contact_id = ?", s.contactId("pia")))
                .isEqualTo("dsn failed 5.1.1");
    }

    @Test
    void aPipedBounceWithoutTheSecretOrNotADeliveryStatusNotificationIsRefusedAndAForgedReferenceIgnored() {
        Scenario s = new Scenario(stack, db);
        String run = run(s, "ida");
        CapturedMail ida = mailTo(s, "ida");
        String bounce = DsnFixtures.dsn(
                DsnFixtures.POSTFIX_USER_UNKNOWN,
                s.address("ida"),
                ida.header("Message-ID"),
                ida.header(DeliveryRef.HEADER));

        dsn(bounce, "not-the-pipe-secret-0123456789").statusCode(403).contentType("application/problem+json");
        given().contentType("message/rfc822")
                .body(bounce.getBytes(StandardCharsets.ISO_8859_1))
                .post(DsnResource.PATH)
                .then()
                .statusCode(403);
        dsn("Subject: Out of office\n\nBack on Monday.", DSN_SECRET)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Content-Type"));
        dsn(bounce.replace("Status: 5.1.1", "Status: bad"), DSN_SECRET)
                .statusCode(400)
                .body("errors[0].field", equalTo("Status"));
        // Anyone can mail the bounce address: a DSN with a made-up reference, or none, changes nothing.
        String ref = ida.header(DeliveryRef.HEADER);
        dsn(bounce.replace(ref, ref.substring(0, ref.lastIndexOf('.')) + ".AAAAAAAAAAAAAAAAAAAAAA"), DSN_SECRET)
                .statusCode(204);
        dsn(bounce.replace("X-Lifeline-Ref: " + ref + "\n", ""), DSN_SECRET).statusCode(204);

        assertThat(s.run(run)).containsEntry("bounced", 0).containsEntry("undelivered", 0);
        assertThat(suppressed(s, "ida", "hard_bounce")).isZero();
    }
}
