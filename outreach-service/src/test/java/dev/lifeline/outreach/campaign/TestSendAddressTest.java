package dev.lifeline.outreach.campaign;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestSendAddressTest {

    @Test
    void anEmailCampaignTakesAnEmailAddressOnly() {
        assertThat(TestSendAddress.problem(CampaignChannel.EMAIL, "owner@shop.example"))
                .isEmpty();
        assertThat(TestSendAddress.problem(CampaignChannel.EMAIL, "owner@shop")).isPresent();
        assertThat(TestSendAddress.problem(CampaignChannel.EMAIL, "Owner <owner@shop.example>"))
                .isPresent();
        assertThat(TestSendAddress.problem(CampaignChannel.EMAIL, "+4915112345678"))
                .isPresent();
    }

    @Test
    void smsAndWhatsAppTakeAnInternationalNumberOnly() {
        assertThat(TestSendAddress.problem(CampaignChannel.SMS, "+4915112345678"))
                .isEmpty();
        assertThat(TestSendAddress.problem(CampaignChannel.WHATSAPP, "+4915112345678"))
                .isEmpty();
        assertThat(TestSendAddress.problem(CampaignChannel.SMS, "015112345678"))
                .hasValueSatisfying(m -> assertThat(m).contains("international"));
        assertThat(TestSendAddress.problem(CampaignChannel.SMS, "owner@shop.example"))
                .isPresent();
    }

    @Test
    void aMissingAddressIsRequiredAndAWebhookCampaignTakesNoTest() {
        assertThat(TestSendAddress.problem(CampaignChannel.EMAIL, " ")).contains("is required");
        assertThat(TestSendAddress.problem(CampaignChannel.EMAIL, null)).contains("is required");
        assertThat(TestSendAddress.problem(CampaignChannel.WEBHOOK, "https://shop.example/hook"))
                .isPresent();
    }
}
