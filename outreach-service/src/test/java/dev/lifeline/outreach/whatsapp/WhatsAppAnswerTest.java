package dev.lifeline.outreach.whatsapp;

import dev.lifeline.outreach.delivery.SendResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Cloud API answers, in Meta's documented shapes, and what each means for the message and the contact. */
class WhatsAppAnswerTest {

    private static String error(int code, String title, String details) {
        return """
                {"error":{"message":"(#%d) %s","type":"OAuthException","code":%d,
                 "error_data":{"messaging_product":"whatsapp","details":"%s"},"fbtrace_id":"AbCdEf123"}}
                """.formatted(code, title, code, details);
    }

    @Test
    void anAcceptedMessageIsSentWithItsWamid() {
        WhatsAppAnswer answer = WhatsAppAnswer.classify(200, """
                {"messaging_product":"whatsapp","contacts":[{"input":"+4915112345678","wa_id":"4915112345678"}],
                 "messages":[{"id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA"}]}""");
        assertThat(answer.result())
                .isEqualTo(new SendResult.Sent("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA"));
        assertThat(answer.optedOut()).isFalse();
    }

    @Test
    void throttlingAndMetasOwnTroubleAreTriedAgain() {
        assertThat(WhatsAppAnswer.classify(400, error(130429, "Rate limit hit", "too many messages"))
                        .result())
                .isEqualTo(new SendResult.Transient("whatsapp HTTP 400 code 130429"));
        for (int code : new int[] {131048, 131056, 80007, 4}) {
            assertThat(WhatsAppAnswer.classify(400, error(code, "Rate limit", "x"))
                            .result())
                    .as("code %d", code)
                    .isInstanceOf(SendResult.Transient.class);
        }
        assertThat(WhatsAppAnswer.classify(500, error(131000, "Something went wrong", "x"))
                        .result())
                .isInstanceOf(SendResult.Transient.class);
        assertThat(WhatsAppAnswer.classify(503, error(131016, "Service unavailable", "x"))
                        .result())
                .isInstanceOf(SendResult.Transient.class);
        assertThat(WhatsAppAnswer.classify(502, "<html>Bad Gateway</html>").result())
                .isInstanceOf(SendResult.Transient.class);
        assertThat(WhatsAppAnswer.classify(429, "").result()).isInstanceOf(SendResult.Transient.class);
    }

    @Test
    void undeliverableOutsideTheWindowAndTemplateProblemsFailWithoutTouchingConsent() {
        for (int code : new int[] {131026, 131047, 131049, 132000, 132001, 132012, 132015, 131008, 131009, 100, 190}) {
            WhatsAppAnswer answer = WhatsAppAnswer.classify(400, error(code, "Failed", "x"));
            assertThat(answer.result())
                    .as("code %d", code)
                    .isEqualTo(new SendResult.Permanent("whatsapp HTTP 400 code " + code, false));
            assertThat(answer.optedOut()).as("code %d", code).isFalse();
        }
    }

    @Test
    void aPermissionErrorAnsweredWithHttp500IsPermanentBecauseTheCodeDecides() {
        assertThat(WhatsAppAnswer.classify(500, error(3, "API Method", "Capability or permissions issue"))
                        .result())
                .isInstanceOf(SendResult.Permanent.class);
    }

    @Test
    void aRecipientWhoStoppedMarketingMessagesIsAnOptOut() {
        WhatsAppAnswer answer = WhatsAppAnswer.classify(
                400,
                error(
                        131050,
                        "Unable to deliver the message",
                        "This recipient has chosen to stop receiving marketing messages on WhatsApp from your business"));
        assertThat(answer.optedOut()).isTrue();
        assertThat(answer.result()).isInstanceOfSatisfying(SendResult.Permanent.class, p -> {
            assertThat(p.error()).startsWith("whatsapp HTTP 400 code 131050");
            assertThat(p.hardBounce()).isFalse();
        });
    }
}
