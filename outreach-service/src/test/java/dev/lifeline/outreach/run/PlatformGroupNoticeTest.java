package dev.lifeline.outreach.run;

import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.outage.OutageStarted;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.Scenario;
import dev.lifeline.outreach.TestBus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One Meta incident takes several platforms down; a customer hears about it once (table platform_group). */
@QuarkusTest
class PlatformGroupNoticeTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    DataSource db;

    @Test
    void instagramAndThenWhatsAppDownIsOneNoticeForTheCustomer() {
        Scenario s = new Scenario(stack, db);
        s.contacts(Map.of("ada", ConsentStatus.CONFIRMED));
        Map<String, Object> instagram = s.emailCampaign("PT0S");
        instagram.put("platformId", "instagram");
        String instagramCampaign = s.createCampaign(instagram);
        Map<String, Object> whatsapp = s.emailCampaign("PT0S");
        whatsapp.put("platformId", "whatsapp");
        String whatsappCampaign = s.createCampaign(whatsapp);

        OutageStarted instagramDown = TestBus.outage("ig-" + s.marker, "instagram");
        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, instagramDown);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(s.mailsTo("ada"))
                        .as("mails to Ada; the Instagram campaign's runs: %s", s.runs(instagramCampaign))
                        .hasSize(1));

        OutageStarted whatsappDown = TestBus.outage("wa-" + s.marker, "whatsapp");
        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, whatsappDown);
        // The WhatsApp campaign ran, and found Ada already told within the notice window.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> s.runs(whatsappCampaign).size() == 1
                        && "completed".equals(s.runs(whatsappCampaign).get(0).get("status")));
        assertThat(s.runs(whatsappCampaign).get(0)).containsEntry("audience", 0);
        assertThat(s.mailsTo("ada")).hasSize(1);
        TestBus.resolve(s.kafka, db, instagramDown);
        TestBus.resolve(s.kafka, db, whatsappDown);
    }
}
