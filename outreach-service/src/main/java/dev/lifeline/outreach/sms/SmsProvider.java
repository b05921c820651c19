package dev.lifeline.outreach.sms;

import dev.lifeline.outreach.delivery.SendResult;

/** An SMS gateway. Implementations map the provider's own error codes to transient / permanent / bad number. */
public interface SmsProvider {

    SendResult send(String toE164, String body);
}
