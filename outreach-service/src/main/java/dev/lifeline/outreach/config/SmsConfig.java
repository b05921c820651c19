package dev.lifeline.outreach.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "lifeline.sms")
public interface SmsConfig {

    /** Longest SMS template accepted at save time, in segments. */
    @WithDefault("3")
    int maxSegments();

    Twilio twilio();

    /** The second provider, used when Twilio fails or throttles; off while no API key is set. */
    Vonage vonage();

    /** After the first provider failed, messages go straight to the second for this long before trying it again. */
    @WithDefault("PT30S")
    Duration failoverCoolDown();

    interface Twilio {
        @WithDefault("https://api.twilio.com")
        String baseUrl();

        String accountSid();

        String authToken();

        @WithDefault("+15005550006")
        String from();
    }

    interface Vonage {
        @WithDefault("https://rest.nexmo.com")
        String baseUrl();

        Optional<String> apiKey();

        Optional<String> apiSecret();

        /** Sender id: the same number as Twilio's, or an alphanumeric sender where the country allows one. */
        @WithDefault("+15005550006")
        String from();
    }
}
