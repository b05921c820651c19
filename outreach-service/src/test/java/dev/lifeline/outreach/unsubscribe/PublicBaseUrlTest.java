package dev.lifeline.outreach.unsubscribe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublicBaseUrlTest {

    @Test
    void anHttpsUrlIsAccepted() {
        assertThat(PublicBaseUrl.refusal("https://lifeline.example.com")).isEmpty();
        assertThat(PublicBaseUrl.refusal("HTTPS://lifeline.example.com:8443/outreach"))
                .isEmpty();
    }

    @Test
    void aPlainHttpUrlOnAPublicHostIsRefusedWithAMessageNamingTheSettingAndTheReason() {
        assertThat(PublicBaseUrl.refusal("http://lifeline.example.com"))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("lifeline.outreach.public-base-url")
                        .contains("LIFELINE_PUBLIC_BASE_URL")
                        .contains("http://lifeline.example.com")
                        .contains("https")
                        .contains("RFC 8058"));
        assertThat(PublicBaseUrl.refusal("http://10.0.0.5:8080")).isPresent();
    }

    @Test
    void aLoopbackHostIsAcceptedOverHttpAsNoRecipientCouldEverReachIt() {
        assertThat(PublicBaseUrl.refusal("http://localhost:8083")).isEmpty();
        assertThat(PublicBaseUrl.refusal("http://127.0.0.1:8083")).isEmpty();
        assertThat(PublicBaseUrl.refusal("http://[::1]:8083")).isEmpty();
    }

    @Test
    void somethingThatIsNotAnAbsoluteWebUrlIsRefused() {
        assertThat(PublicBaseUrl.refusal("lifeline.example.com")).isPresent();
        assertThat(PublicBaseUrl.refusal("ftp://lifeline.example.com")).isPresent();
        assertThat(PublicBaseUrl.refusal("")).isPresent();
        assertThat(PublicBaseUrl.refusal(null)).isPresent();
        assertThat(PublicBaseUrl.refusal("https://exa mple.com")).isPresent();
    }
}
