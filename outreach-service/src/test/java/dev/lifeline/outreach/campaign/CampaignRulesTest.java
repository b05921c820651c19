package dev.lifeline.outreach.campaign;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignRulesTest {

    private final CampaignRules rules = new CampaignRules(new MessageTemplates(), 2);

    private static CampaignRequest req(
            String platform, CampaignChannel channel, String subject, String text, String url) {
        return new CampaignRequest(
                "n",
                platform,
                channel,
                null,
                subject,
                text,
                null,
                url,
                null,
                null,
                null,
                List.of(),
                Duration.ZERO,
                null,
                null);
    }

    private static CampaignRequest whatsapp(WhatsAppTemplate template) {
        return new CampaignRequest(
                "n",
                "instagram",
                CampaignChannel.WHATSAPP,
                null,
                null,
                null,
                null,
                null,
                null,
                template,
                null,
                List.of(),
                Duration.ZERO,
                null,
                null);
    }

    @Test
    void knowsCatalogueCustomAndAnyPlatforms() {
        assertThat(CampaignRules.knownPlatform("instagram")).isTrue();
        assertThat(CampaignRules.knownPlatform("custom-my-shop")).isTrue();
        assertThat(CampaignRules.knownPlatform("any")).isTrue();
        assertThat(CampaignRules.knownPlatform("myspace")).isFalse();
        assertThat(CampaignRules.knownPlatform("custom-")).isFalse();
        assertThat(CampaignRules.knownPlatform("custom-Bad Name")).isFalse();
    }

    @Test
    void anUnknownPlatformIsRefusedOnTheField() {
        assertThatThrownBy(() -> rules.check(req("myspace", CampaignChannel.EMAIL, "s", "t", null)))
                .isInstanceOfSatisfying(
                        CampaignRules.Violation.class,
                        v -> assertThat(v.field()).isEqualTo("platformId"));
    }

    @Test
    void emailNeedsASubject() {
        assertThatThrownBy(() -> rules.check(req("instagram", CampaignChannel.EMAIL, null, "t", null)))
                .isInstanceOfSatisfying(
                        CampaignRules.Violation.class,
                        v -> assertThat(v.field()).isEqualTo("subject"));
    }

    @Test
    void smsLongerThanTheSegmentLimitIsRefusedAndShorterIsCounted() {
        assertThat(rules.check(req("instagram", CampaignChannel.SMS, null, "Hi {contact.name}", null))
                        .segments())
                .isEqualTo(1);
        assertThatThrownBy(() -> rules.check(req("instagram", CampaignChannel.SMS, null, "x".repeat(307), null)))
                .isInstanceOfSatisfying(CampaignRules.Violation.class, v -> {
                    assertThat(v.field()).isEqualTo("textBody");
                    assertThat(v.getMessage()).contains("3 SMS segments");
                });
    }

    @Test
    void webhookUrlMustBeAbsoluteHttp() {
        assertThat(rules.check(req("any", CampaignChannel.WEBHOOK, null, null, "https://hooks.example/x")))
                .isNull();
        for (String bad : List.of("ftp://x.example", "/relative", "http://", "not a url")) {
            assertThatThrownBy(() -> rules.check(req("any", CampaignChannel.WEBHOOK, null, null, bad)))
                    .isInstanceOfSatisfying(
                            CampaignRules.Violation.class,
                            v -> assertThat(v.field()).isEqualTo("webhookUrl"));
        }
    }

    @Test
    void aWhatsappCampaignNeedsItsTemplate() {
        assertThatThrownBy(() -> rules.check(whatsapp(null)))
                .isInstanceOfSatisfying(
                        CampaignRules.Violation.class,
                        v -> assertThat(v.field()).isEqualTo("whatsappTemplate"));
    }

    @Test
    void aWhatsappParameterWithAnUnknownPlaceholderIsRefusedNamingItsIndex() {
        WhatsAppTemplate template =
                new WhatsAppTemplate("outage_notice", "en", List.of("{contact.firstName}", "{outage.platfrom}"));
        assertThatThrownBy(() -> rules.check(whatsapp(template)))
                .isInstanceOfSatisfying(CampaignRules.Violation.class, v -> {
                    assertThat(v.field()).isEqualTo("whatsappTemplate.bodyParameters[1]");
                    assertThat(v.getMessage()).contains("outage.platfrom");
                });
    }

    @Test
    void aWhatsappParameterWithALineBreakOrFiveSpacesIsRefusedAsMetaWouldRefuseIt() {
        for (String bad : List.of("Hi\n{contact.name}", "Hi\t{contact.name}", "Hi     {contact.name}", " ")) {
            assertThatThrownBy(() -> rules.check(whatsapp(new WhatsAppTemplate("outage_notice", "en", List.of(bad)))))
                    .isInstanceOfSatisfying(
                            CampaignRules.Violation.class,
                            v -> assertThat(v.field()).isEqualTo("whatsappTemplate.bodyParameters[0]"));
        }
    }

    @Test
    void aWhatsappTemplateWithPlaceholdersFromTheVocabularyPasses() {
        assertThat(rules.check(whatsapp(new WhatsAppTemplate(
                        "outage_notice",
                        "pt_BR",
                        List.of("{contact.firstName}", "{outage.platform}", "{business.webShop}")))))
                .isNull();
    }
}
