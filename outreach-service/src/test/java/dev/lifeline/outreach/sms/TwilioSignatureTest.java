package dev.lifeline.outreach.sms;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioSignatureTest {

    /** The worked example of Twilio's "Validating signatures from Twilio" page (its auth token, URL and parameters). */
    @Test
    void matchesTwilioSDocumentedExample() {
        Map<String, String> params = Map.of(
                "CallSid",
                "CA1234567890ABCDE",
                "Caller",
                "+12349013030",
                "Digits",
                "1234",
                "From",
                "+12349013030",
                "To",
                "+18005551212");
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        assertThat(TwilioSignature.of("12345", url, params)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assertThat(TwilioSignature.valid("12345", url, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="))
                .isTrue();
    }

    @Test
    void anyChangeToTheTokenUrlOrParametersBreaksTheSignature() {
        Map<String, String> params = Map.of("MessageSid", "SM1", "MessageStatus", "delivered");
        String good = TwilioSignature.of("token", "https://x.example/webhooks/twilio/status", params);
        assertThat(TwilioSignature.valid("other", "https://x.example/webhooks/twilio/status", params, good))
                .isFalse();
        assertThat(TwilioSignature.valid("token", "https://y.example/webhooks/twilio/status", params, good))
                .isFalse();
        assertThat(TwilioSignature.valid(
                        "token",
                        "https://x.example/webhooks/twilio/status",
                        Map.of("MessageSid", "SM1", "MessageStatus", "undelivered"),
                        good))
                .isFalse();
        assertThat(TwilioSignature.valid("token", "https://x.example/webhooks/twilio/status", params, null))
                .isFalse();
    }
}
