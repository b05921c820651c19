package dev.lifeline.console.campaigns;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.console.services.FieldProblems;
import dev.lifeline.console.services.OutreachClient;
import dev.lifeline.console.services.ServiceHttp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignFormTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aValidFormBecomesOutreachsRequest_withTheGracePeriodInIsoAndBothQuietHours() {
        CampaignForm form = new CampaignForm(
                "email", " Fallback ", "any", "Still here", "Hi {contact.firstName}", "", "5", "21:00", "08:00", true);

        assertThat(form.errors()).isEmpty();
        Map<String, Object> request = form.request();
        assertThat(request)
                .containsEntry("name", "Fallback")
                .containsEntry("platformId", "any")
                .containsEntry("channel", "email")
                .containsEntry("gracePeriod", "PT5M")
                .containsEntry("quietHours", Map.of("start", "21:00", "end", "08:00"))
                .containsEntry("htmlBody", null);
    }

    @Test
    void anSmsCampaignNeedsNoSubject() {
        CampaignForm sms = new CampaignForm("sms", "Text", "instagram", null, "We are down", null, "0", "", "", true);

        assertThat(sms.errors()).isEmpty();
        assertThat(sms.request()).doesNotContainKey("subject");
    }

    @Test
    void outreachsProblemJsonLandsNextToTheEditorsFields() throws Exception {
        ServiceHttp.Reply reply = new ServiceHttp.Reply(400, JSON.readTree("""
                {"title":"Bad Request","status":400,"errors":[
                  {"field":"textBody","message":"line 1, column 5: unknown placeholder contact.nope"},
                  {"field":"gracePeriod","message":"must be at most one day"},
                  {"field":"quietHours","message":"needs both start and end (HH:mm)"},
                  {"field":"links.webShop","message":"is not a URL"}]}
                """));

        Map<String, String> errors = CampaignForm.mapped(FieldProblems.of(reply));

        assertThat(errors)
                .containsEntry("textBody", "Line 1, column 5: unknown placeholder contact.nope.")
                .containsEntry("graceMinutes", "Must be at most one day.")
                .containsEntry("quietStart", "Needs both start and end (HH:mm).")
                .containsEntry(FieldProblems.GENERAL, "Links.webShop is not a URL.");
    }

    @Test
    void aProblemThatNamesNoFieldKeepsItsDetail() throws Exception {
        ServiceHttp.Reply reply = new ServiceHttp.Reply(
                404, JSON.readTree("{\"title\":\"Not Found\",\"status\":404,\"detail\":\"campaign not found\"}"));

        assertThat(FieldProblems.of(reply)).containsExactly(Map.entry(FieldProblems.GENERAL, "campaign not found"));
    }

    @Test
    void aWhatsAppFormBecomesOutreachsTemplate_withOneBodyParameterPerLineInOrder() {
        CampaignForm form =
                whatsapp(" outage_notice ", "en_US", "{contact.firstName}\r\n{outage.platform}\n{business.webShop}\n");

        assertThat(form.errors()).isEmpty();
        Map<String, Object> request = form.request();
        assertThat(request)
                .containsEntry("channel", "whatsapp")
                .containsEntry(
                        "whatsappTemplate",
                        Map.of(
                                "name",
                                "outage_notice",
                                "language",
                                "en_US",
                                "bodyParameters",
                                List.of("{contact.firstName}", "{outage.platform}", "{business.webShop}")))
                .doesNotContainKeys("textBody", "subject", "webhookUrl");
    }

    @Test
    void aSavedWhatsAppCampaignIsReadBackIntoTheEditor_oneParameterALine() {
        OutreachClient.Campaign saved = new OutreachClient.Campaign(
                "c1",
                "WA",
                "instagram",
                "whatsapp",
                "outage",
                null,
                null,
                null,
                "PT5M",
                null,
                null,
                true,
                new OutreachClient.WhatsAppTemplate("outage_notice", "pt_BR", List.of("{contact.firstName}", "Loja")),
                null,
                false);

        CampaignForm form = CampaignForm.of(saved);

        assertThat(form.templateName()).isEqualTo("outage_notice");
        assertThat(form.templateLanguage()).isEqualTo("pt_BR");
        assertThat(form.templateParameters()).isEqualTo("{contact.firstName}\nLoja");
        assertThat(form.graceMinutes()).isEqualTo("5");
        assertThat(form.request())
                .containsEntry(
                        "whatsappTemplate",
                        Map.of(
                                "name",
                                "outage_notice",
                                "language",
                                "pt_BR",
                                "bodyParameters",
                                List.of("{contact.firstName}", "Loja")));
    }

    @Test
    void aWhatsAppFormWithoutTemplateNameOrWithALanguageThatIsNoCodeIsRefusedNextToEachField() {
        assertThat(whatsapp(" ", "English", "").errors())
                .containsEntry("templateName", "Give the name of the template Meta approved, e.g. outage_notice.")
                .containsEntry("templateLanguage", "Write the template's language code, e.g. en or en_US.")
                .doesNotContainKey("textBody");
        assertThat(whatsapp("Outage Notice", "en_US", "").errors()).containsKey("templateName");
        assertThat(whatsapp("outage_notice", "en", "").errors()).isEmpty();
        assertThat(whatsapp("outage_notice", "EN-us", "").errors()).containsKey("templateLanguage");
    }

    @Test
    void anEmptyLineBetweenBodyParametersIsNamedByItsNumber() {
        assertThat(whatsapp("outage_notice", "en_US", "{contact.firstName}\n\n{outage.platform}")
                        .errors())
                .containsEntry(
                        "templateParameters", "Parameter 2 is empty: write a value on that line or remove the line.");
    }

    @Test
    void outreachsRefusalOfATemplateLandsNextToItsInput_withTheParameterNumberAsTheOwnerCountsIt() throws Exception {
        ServiceHttp.Reply reply = new ServiceHttp.Reply(400, JSON.readTree("""
                {"title":"Bad Request","status":400,"errors":[
                  {"field":"whatsappTemplate.name","message":"must be a template name as Meta stores it"},
                  {"field":"whatsappTemplate.language","message":"must be a WhatsApp language code such as en"},
                  {"field":"whatsappTemplate.bodyParameters[1]","message":"unknown placeholder contact.nope"}]}
                """));

        assertThat(CampaignForm.mapped(FieldProblems.of(reply)))
                .containsEntry("templateName", "Must be a template name as Meta stores it.")
                .containsEntry("templateLanguage", "Must be a WhatsApp language code such as en.")
                .containsEntry("templateParameters", "Parameter 2: unknown placeholder contact.nope.");
    }

    @Test
    void aWebhookFormSendsItsUrlAndANewSecret_andAnEmptySecretOnASavedCampaignIsLeftOutSoOutreachKeepsIt() {
        CampaignForm created = webhook(" https://shop.example/lifeline ", "a-secret-of-24-characters", false);

        assertThat(created.errors()).isEmpty();
        assertThat(created.request())
                .containsEntry("channel", "webhook")
                .containsEntry("webhookUrl", "https://shop.example/lifeline")
                .containsEntry("webhookSecret", "a-secret-of-24-characters")
                .containsEntry("textBody", null)
                .doesNotContainKey("whatsappTemplate");
        CampaignForm edited =
                webhook("https://shop.example/lifeline", "", false).editing();
        assertThat(edited.errors()).isEmpty();
        assertThat(edited.request()).doesNotContainKey("webhookSecret");
    }

    @Test
    void aSavedWebhookCampaignIsReadBackWithoutItsSecret_butKnowingOneIsSet() {
        OutreachClient.Campaign saved = new OutreachClient.Campaign(
                "c2",
                "Hook",
                "any",
                "webhook",
                "outage",
                null,
                "Down: {outage.platform}",
                null,
                "PT2M",
                null,
                null,
                false,
                null,
                "https://shop.example/hook",
                true);

        CampaignForm form = CampaignForm.of(saved);

        assertThat(form.webhookUrl()).isEqualTo("https://shop.example/hook");
        assertThat(form.webhookSecret()).isEmpty();
        assertThat(form.webhookSecretSet()).isTrue();
        assertThat(form.textBody()).isEqualTo("Down: {outage.platform}");
        assertThat(form.errors()).isEmpty();
    }

    @Test
    void aWebhookUrlThatIsBlankOrNotHttpAndANewCampaignWithoutSecretAreRefusedNextToTheirFields() {
        assertThat(webhook("", "", false).errors())
                .containsEntry("webhookUrl", "Give the address of your endpoint, e.g. https://shop.example/lifeline.")
                .containsEntry("webhookSecret", "Choose a signing secret; your endpoint checks each call with it.");
        assertThat(webhook("ftp://shop.example/x", "a-secret-of-24-characters", false)
                        .errors())
                .containsEntry("webhookUrl", "Give a web address starting with https:// (or http://).");
        assertThat(webhook("shop.example/hook", "a-secret-of-24-characters", false)
                        .errors())
                .containsKey("webhookUrl");
        assertThat(webhook("https://shop.example/hook", "short", false).errors())
                .containsEntry("webhookSecret", "Use 16 to 200 characters for the secret, so it cannot be guessed.");
    }

    @Test
    void outreachsSsrfRefusalOfTheWebhookUrlLandsNextToTheUrl() throws Exception {
        ServiceHttp.Reply reply = new ServiceHttp.Reply(422, JSON.readTree("""
                {"title":"Unprocessable","status":422,"errors":[{"field":"webhookUrl",
                 "message":"10.0.0.5 is a private address; webhooks may only reach public addresses"}]}
                """));

        assertThat(CampaignForm.mapped(FieldProblems.of(reply)))
                .containsExactly(Map.entry(
                        "webhookUrl", "10.0.0.5 is a private address; webhooks may only reach public addresses."));
    }

    @Test
    void theFormNeverPrintsTheWebhookSecret() {
        assertThat(webhook("https://shop.example/hook", "a-secret-of-24-characters", false)
                        .toString())
                .doesNotContain("a-secret-of-24-characters");
    }

    private static CampaignForm whatsapp(String name, String language, String parameters) {
        return new CampaignForm(
                "whatsapp",
                "WA",
                "instagram",
                "",
                "",
                "",
                "2",
                "",
                "",
                true,
                name,
                language,
                parameters,
                "",
                "",
                false);
    }

    private static CampaignForm webhook(String url, String secret, boolean secretSet) {
        return new CampaignForm(
                "webhook", "Hook", "any", "", "", "", "2", "", "", true, "", "", "", url, secret, secretSet);
    }
}
