package dev.lifeline.outreach.sms;

import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.contact.ContactUpserted;
import dev.lifeline.events.outage.OutageStarted;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.Db;
import dev.lifeline.outreach.FakeEndpoints;
import dev.lifeline.outreach.Scenario;
import dev.lifeline.outreach.TestBus;
import dev.lifeline.outreach.webhook.WebhookSigner;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class SmsAndWebhookTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    DataSource db;

    private static ContactUpserted smsContact(Scenario s, String name, String phone, List<ContactChannel> order) {
        return new ContactUpserted(
                s.tenant,
                s.contactId(name),
                1,
                "Sam " + name,
                s.address(name),
                phone,
                "en",
                "UTC",
                List.of(),
                order,
                Map.of(
                        ContactChannel.SMS,
                        ConsentStatus.CONFIRMED,
                        ContactChannel.EMAIL,
                        ConsentStatus.CONFIRMED,
                        ContactChannel.WHATSAPP,
                        ConsentStatus.CONFIRMED),
                Instant.now());
    }

    @Test
    void aWhatsappOutageIsAnsweredBySmsThroughTwilioOrVonageWhenTwilioThrottlesNeverOnWhatsappAndBadNumbersBounce() {
        Scenario s = new Scenario(stack, db);
        String good = "+49151" + String.format("%07d", Math.abs(s.marker.hashCode()) % 10_000_000);
        TestBus.send(
                s.kafka,
                Topics.CONTACTS,
                smsContact(s, "sms", good, List.of(ContactChannel.WHATSAPP, ContactChannel.SMS)));
        TestBus.send(
                s.kafka,
                Topics.CONTACTS,
                smsContact(s, "bad", FakeEndpoints.INVALID_NUMBER, List.of(ContactChannel.SMS)));
        TestBus.send(
                s.kafka,
                Topics.CONTACTS,
                smsContact(s, "slow", FakeEndpoints.THROTTLED_ONCE, List.of(ContactChannel.SMS)));
        TestBus.send(s.kafka, Topics.CONTACTS, smsContact(s, "mail", "+4915199999999", List.of(ContactChannel.EMAIL)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(db, "select count(*) from outreach_contact where tenant_id = ?", s.tenant) == 4);

        Map<String, Object> sms = new HashMap<>(Map.of(
                "name",
                "SMS",
                "platformId",
                "whatsapp",
                "channel",
                "sms",
                "textBody",
                "Hi {contact.firstName}, {outage.platform} is down " + s.marker,
                "gracePeriod",
                "PT0S"));
        s.createCampaign(sms);
        Map<String, Object> mail = s.emailCampaign("PT0S");
        mail.put("platformId", "whatsapp");
        s.createCampaign(mail);

        OutageStarted whatsappDown = TestBus.outage("o-" + s.marker, "whatsapp");
        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, whatsappDown);
        try {
            assertMessagesOfTheWhatsappOutage(s, good);
        } finally {
            TestBus.resolve(s.kafka, db, whatsappDown);
        }
    }

    private void assertMessagesOfTheWhatsappOutage(Scenario s, String good) {
        String finalGood = good;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> FakeEndpoints.SMS.stream()
                                        .filter(m -> m.body().endsWith(s.marker))
                                        .count()
                                == 1
                        && FakeEndpoints.VONAGE_SMS.stream()
                                        .filter(m -> m.body().endsWith(s.marker))
                                        .count()
                                == 1
                        && s.mailsTo("mail").size() == 1
                        && Db.count(
                                        db,
                                        "select count(*) from delivery where tenant_id = ? and state in ('queued','sending')",
                                        s.tenant)
                                == 0);

        List<FakeEndpoints.Sms> sent = FakeEndpoints.SMS.stream()
                .filter(m -> m.body().endsWith(s.marker))
                .toList();
        assertThat(sent).extracting(FakeEndpoints.Sms::to).containsExactly(finalGood);
        // Twilio throttled this one: the second provider took it at once instead of a retry later.
        assertThat(FakeEndpoints.VONAGE_SMS)
                .filteredOn(m -> m.body().endsWith(s.marker))
                .extracting(FakeEndpoints.Sms::to)
                .containsExactly(FakeEndpoints.THROTTLED_ONCE);
        assertThat(sent).extracting(FakeEndpoints.Sms::body).contains("Hi Sam, WhatsApp is down " + s.marker);
        assertThat(sent).extracting(FakeEndpoints.Sms::from).containsOnly("+15005550006");
        // Only e-mail for the contact who prefers it; nobody else got an e-mail too.
        assertThat(s.mails()).hasSize(1);

        assertThat(Db.string(db, "select state from delivery where contact_id = ?", s.contactId("bad")))
                .isEqualTo("bounced");
        assertThat(Db.count(
                        db,
                        "select count(*) from suppression where contact_id = ? and reason = 'hard_bounce'",
                        s.contactId("bad")))
                .isEqualTo(1);
        assertThat(Db.string(
                        db, "select state || ':' || attempts from delivery where contact_id = ?", s.contactId("slow")))
                .isEqualTo("sent:1");
        assertThat(Db.string(db, "select provider_message_id from delivery where contact_id = ?", s.contactId("sms")))
                .startsWith("SM");
    }

    @Test
    void whileTwilioIsDownVonageCarriesTheTextsAndABadNumberIsNotRetriedElsewhere() {
        Scenario s = new Scenario(stack, db);
        TestBus.send(
                s.kafka,
                Topics.CONTACTS,
                smsContact(s, "down", FakeEndpoints.TWILIO_DOWN, List.of(ContactChannel.SMS)));
        TestBus.send(
                s.kafka,
                Topics.CONTACTS,
                smsContact(s, "bad", FakeEndpoints.INVALID_NUMBER, List.of(ContactChannel.SMS)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(db, "select count(*) from outreach_contact where tenant_id = ?", s.tenant) == 2);
        s.createCampaign(new HashMap<>(Map.of(
                "name",
                "SMS",
                "platformId",
                s.platform,
                "channel",
                "sms",
                "textBody",
                "Schöne Grüße, {contact.firstName} " + s.marker,
                "gracePeriod",
                "PT0S")));

        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("o-" + s.marker, s.platform));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(
                                db,
                                "select count(*) from delivery where tenant_id = ? and state in ('sent', 'bounced')",
                                s.tenant)
                        == 2);

        FakeEndpoints.Sms vonage = FakeEndpoints.VONAGE_SMS.stream()
                .filter(m -> m.body().endsWith(s.marker))
                .findFirst()
                .orElseThrow();
        assertThat(vonage.to()).isEqualTo(FakeEndpoints.TWILIO_DOWN);
        assertThat(vonage.body()).isEqualTo("Schöne Grüße, Sam " + s.marker);
        assertThat(Db.string(db, "select provider_message_id from delivery where contact_id = ?", s.contactId("down")))
                .isEqualTo(vonage.sid());
        assertThat(Db.string(db, "select state from delivery where contact_id = ?", s.contactId("bad")))
                .isEqualTo("bounced");
        assertThat(FakeEndpoints.VONAGE_SMS)
                .extracting(FakeEndpoints.Sms::to)
                .doesNotContain(FakeEndpoints.INVALID_NUMBER);
    }

    @Test
    void aWebhookCampaignPostsASignedPayloadAndRetriesAServerError() {
        Scenario s = new Scenario(stack, db);
        String url = FakeEndpoints.baseUrl() + "/hooks/flaky-" + s.marker;
        Map<String, Object> hook = new HashMap<>(Map.of(
                "name",
                "Hook",
                "platformId",
                s.platform,
                "channel",
                "webhook",
                "webhookUrl",
                url,
                "webhookSecret",
                "whsec-" + s.marker,
                "gracePeriod",
                "PT0S",
                "textBody",
                "{outage.platform} is down"));
        s.createCampaign(hook);
        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("o-" + s.marker, s.platform));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> FakeEndpoints.HOOKS.stream()
                                        .filter(h -> h.path().endsWith(s.marker))
                                        .count()
                                == 2
                        && Db.count(
                                        db,
                                        "select count(*) from delivery where tenant_id = ? and state = 'sent'",
                                        s.tenant)
                                == 1);
        FakeEndpoints.Hook last = FakeEndpoints.HOOKS.stream()
                .filter(h -> h.path().endsWith(s.marker))
                .toList()
                .get(1);
        long ts = Long.parseLong(last.headers().get("x-lifeline-timestamp"));
        assertThat(last.headers().get("x-lifeline-signature"))
                .isEqualTo(WebhookSigner.signature("whsec-" + s.marker, ts, last.body()));
        assertThat(last.body())
                .contains("\"platformId\":\"" + s.platform + "\"")
                .contains("\"message\":\"p" + s.marker + " is down\"");
    }
}
