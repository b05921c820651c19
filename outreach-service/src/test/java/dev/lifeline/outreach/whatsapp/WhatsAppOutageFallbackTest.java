package dev.lifeline.outreach.whatsapp;

import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.outage.OutageResolved;
import dev.lifeline.events.outage.OutageSource;
import dev.lifeline.events.outage.OutageStarted;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.Db;
import dev.lifeline.outreach.FakeEndpoints;
import dev.lifeline.outreach.FakeWhatsApp;
import dev.lifeline.outreach.Scenario;
import dev.lifeline.outreach.TestBus;
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

/**
 * The rule of issue 13: while WhatsApp, or any platform of its group (table platform_group: Meta), is down, a contact
 * who prefers WhatsApp is reached on their next consented channel; the "we're back" message may use WhatsApp again.
 */
@QuarkusTest
class WhatsAppOutageFallbackTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    DataSource db;

    private static final Map<ContactChannel, ConsentStatus> ALL = Map.of(
            ContactChannel.WHATSAPP,
            ConsentStatus.CONFIRMED,
            ContactChannel.EMAIL,
            ConsentStatus.CONFIRMED,
            ContactChannel.SMS,
            ConsentStatus.CONFIRMED);

    @Test
    void whileInstagramIsDownAWhatsappFanIsMailedAndHearsWereBackOnWhatsapp() {
        Scenario s = new Scenario(stack, db);
        String phone = WhatsAppCampaignTest.uniquePhone(s, 3);
        TestBus.send(
                s.kafka,
                Topics.CONTACTS,
                WhatsAppCampaignTest.contact(
                        s, "ada", phone, List.of(ContactChannel.WHATSAPP, ContactChannel.EMAIL), ALL));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(db, "select count(*) from outreach_contact where tenant_id = ?", s.tenant) == 1);
        String onWhatsapp = s.createCampaign(WhatsAppCampaignTest.whatsappCampaign(
                "instagram",
                "outage",
                FakeWhatsApp.OUTAGE_TEMPLATE,
                List.of("{contact.firstName}", "{outage.platform}")));
        Map<String, Object> mail = s.emailCampaign("PT0S");
        mail.put("platformId", "instagram");
        s.createCampaign(mail);
        String back = s.createCampaign(WhatsAppCampaignTest.whatsappCampaign(
                "instagram", "recovery", FakeWhatsApp.BACK_TEMPLATE, List.of("{outage.platform}")));

        OutageStarted down = TestBus.outage("ig-" + s.marker, "instagram");
        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, down);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> s.mailsTo("ada").size() == 1
                        && s.runs(onWhatsapp).size() == 1
                        && "completed".equals(s.runs(onWhatsapp).get(0).get("status")));
        // Instagram shares WhatsApp's group: the WhatsApp campaign found nobody, and Meta was never called for Ada.
        assertThat(s.runs(onWhatsapp).get(0)).containsEntry("audience", 0);
        assertThat(FakeWhatsApp.ATTEMPTS).doesNotContain(phone);

        TestBus.send(
                s.kafka,
                Topics.PLATFORM_OUTAGES,
                new OutageResolved(
                        down.outageId(), "instagram", null, OutageSource.PROBE, down.startedAt(), Instant.now(), null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> FakeWhatsApp.MESSAGES.stream().anyMatch(m -> m.to().equals(phone)));
        FakeWhatsApp.Message weAreBack = FakeWhatsApp.MESSAGES.stream()
                .filter(m -> m.to().equals(phone))
                .findFirst()
                .orElseThrow();
        assertThat(weAreBack.template()).isEqualTo(FakeWhatsApp.BACK_TEMPLATE);
        assertThat(weAreBack.parameters()).containsExactly("Instagram");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "completed".equals(s.runs(back).get(0).get("status")));
        assertThat(FakeWhatsApp.MESSAGES.stream().filter(m -> m.to().equals(phone)))
                .hasSize(1);
        assertThat(s.mailsTo("ada")).hasSize(1);
    }

    @Test
    void whileWhatsappItselfIsDownAWhatsappFanGetsTheSmsInstead() {
        Scenario s = new Scenario(stack, db);
        String phone = WhatsAppCampaignTest.uniquePhone(s, 4);
        TestBus.send(
                s.kafka,
                Topics.CONTACTS,
                WhatsAppCampaignTest.contact(
                        s,
                        "bea",
                        phone,
                        List.of(ContactChannel.WHATSAPP, ContactChannel.SMS, ContactChannel.EMAIL),
                        ALL));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(db, "select count(*) from outreach_contact where tenant_id = ?", s.tenant) == 1);
        String onWhatsapp = s.createCampaign(WhatsAppCampaignTest.whatsappCampaign(
                "whatsapp",
                "outage",
                FakeWhatsApp.OUTAGE_TEMPLATE,
                List.of("{contact.firstName}", "{outage.platform}")));
        Map<String, Object> sms = new HashMap<>(Map.of(
                "name",
                "SMS",
                "platformId",
                "whatsapp",
                "channel",
                "sms",
                "textBody",
                "{outage.platform} is down, we are not " + s.marker,
                "gracePeriod",
                "PT0S"));
        String bySms = s.createCampaign(sms);
        Map<String, Object> mail = s.emailCampaign("PT0S");
        mail.put("platformId", "whatsapp");
        String byMail = s.createCampaign(mail);

        OutageStarted whatsappDown = TestBus.outage("wa-" + s.marker, "whatsapp");
        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, whatsappDown);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> FakeEndpoints.SMS.stream().anyMatch(m -> m.to().equals(phone))
                        && List.of(onWhatsapp, bySms, byMail).stream()
                                .allMatch(c -> s.runs(c).size() == 1
                                        && "completed".equals(s.runs(c).get(0).get("status"))));
        assertThat(s.runs(onWhatsapp).get(0)).containsEntry("audience", 0);
        assertThat(FakeEndpoints.SMS.stream().filter(m -> m.to().equals(phone)))
                .extracting(FakeEndpoints.Sms::body)
                .containsExactly("WhatsApp is down, we are not " + s.marker);
        assertThat(FakeWhatsApp.ATTEMPTS).doesNotContain(phone);
        assertThat(s.mailsTo("bea")).isEmpty();
        TestBus.resolve(s.kafka, db, whatsappDown);
    }

    @Test
    void whileMetaIsDownInAnotherIncidentTheShopsOwnOutageDoesNotUseWhatsappAndDoesOnceMetaIsBack() {
        Scenario s = new Scenario(stack, db);
        String phone = WhatsAppCampaignTest.uniquePhone(s, 5);
        TestBus.send(
                s.kafka,
                Topics.CONTACTS,
                WhatsAppCampaignTest.contact(
                        s, "cyd", phone, List.of(ContactChannel.WHATSAPP, ContactChannel.EMAIL), ALL));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(db, "select count(*) from outreach_contact where tenant_id = ?", s.tenant) == 1);
        String onWhatsapp = s.createCampaign(WhatsAppCampaignTest.whatsappCampaign(
                s.platform,
                "outage",
                FakeWhatsApp.OUTAGE_TEMPLATE,
                List.of("{contact.firstName}", "{outage.platform}")));
        s.createCampaign(s.emailCampaign("PT0S"));

        OutageStarted facebookDown = TestBus.outage("fb-" + s.marker, "facebook");
        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, facebookDown);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Db.count(db, "select count(*) from outage where outage_id = ?", facebookDown.outageId()) == 1);
        OutageStarted shopDown = TestBus.outage("shop1-" + s.marker, s.platform);
        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, shopDown);
        await().atMost(Duration.ofSeconds(30)).until(() -> s.mailsTo("cyd").size() == 1);
        assertThat(s.runs(onWhatsapp).get(0)).containsEntry("audience", 0);
        assertThat(FakeWhatsApp.ATTEMPTS).doesNotContain(phone);

        // Meta is back: the shop's next outage reaches Dot, who also prefers WhatsApp, on WhatsApp (Cyd was told of
        // this platform's trouble within the notice window and is not messaged again).
        TestBus.resolve(s.kafka, db, facebookDown);
        TestBus.resolve(s.kafka, db, shopDown);
        String dotsPhone = WhatsAppCampaignTest.uniquePhone(s, 6);
        TestBus.send(
                s.kafka,
                Topics.CONTACTS,
                WhatsAppCampaignTest.contact(
                        s, "dot", dotsPhone, List.of(ContactChannel.WHATSAPP, ContactChannel.EMAIL), ALL));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(db, "select count(*) from outreach_contact where tenant_id = ?", s.tenant) == 2);
        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("shop2-" + s.marker, s.platform));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> FakeWhatsApp.MESSAGES.stream().anyMatch(m -> m.to().equals(dotsPhone)));
        assertThat(s.mailsTo("dot")).isEmpty();
        assertThat(FakeWhatsApp.ATTEMPTS).doesNotContain(phone);
    }
}
