package dev.lifeline.outreach.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lifeline.sms")
public interface SmsConfig {

    /** Longest SMS template accepted at save time, in segments. */
    @WithDefault("3")
    int maxSegments();

    Twilio twilio();

    interface Twilio {
        @WithDefault("https://api.twilio.com")
        String baseUrl();

        String accountSid();

        String authToken();

        @WithDefault("+15005550006")
        String from();
    }
}
