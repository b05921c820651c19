package dev.lifeline.outreach.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The WhatsApp Business Cloud API account outreach sends from. Defaults let the service start without a Meta account
 * (a send then fails as unauthorised, as with the placeholder Twilio account); {@code %prod} reads the environment.
 */
@ConfigMapping(prefix = "lifeline.whatsapp")
public interface WhatsAppConfig {

    /** The Graph API host. */
    @WithDefault("https://graph.facebook.com")
    String baseUrl();

    /** The Graph API version in the path, e.g. v21.0. */
    @WithDefault("v21.0")
    String apiVersion();

    /** The business phone number's id at Meta (not the number itself). */
    String phoneNumberId();

    /** A system user's access token with whatsapp_business_messaging; a secret, never logged. */
    String accessToken();
}
