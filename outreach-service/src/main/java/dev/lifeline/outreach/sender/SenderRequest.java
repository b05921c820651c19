package dev.lifeline.outreach.sender;

import dev.lifeline.kit.validation.SingleLine;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of PUT /api/v1/tenant/sender; every field optional, an absent one is cleared. {@code fromAddress} must be on a
 * verified sending domain of the business (checked by {@link SenderService}).
 */
public record SenderRequest(
        @Size(max = 100)
        @SingleLine
        @Pattern(regexp = MailAddresses.DISPLAY_NAME, message = "must not contain < > ( ) \" or \\")
        String displayName,

        @Size(max = 254)
        @Pattern(regexp = MailAddresses.ADDRESS, message = "must be a plain address such as news@shop.example")
        String fromAddress,

        @Size(max = 254)
        @Pattern(regexp = MailAddresses.ADDRESS, message = "must be a plain address such as hello@shop.example")
        String replyTo) {}
