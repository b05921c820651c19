package dev.lifeline.outreach.campaign;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a test send may go for a campaign's channel: an e-mail address for e-mail, an E.164 number for SMS and
 * WhatsApp. Answers the problem with the address in words the owner can act on; a plain class, unit-tested.
 */
public final class TestSendAddress {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private TestSendAddress() {}

    /** Why {@code to} cannot take a test of a campaign on {@code channel}; empty when it can. */
    public static Optional<String> problem(CampaignChannel channel, String to) {
        if (to == null || to.isBlank()) {
            return Optional.of("is required");
        }
        return switch (channel) {
            case EMAIL ->
                EMAIL.matcher(to).matches()
                        ? Optional.empty()
                        : Optional.of("is not an e-mail address (name@example.com)");
            case SMS, WHATSAPP ->
                E164.matcher(to).matches()
                        ? Optional.empty()
                        : Optional.of("is not a phone number in international format (+4915112345678)");
            case WEBHOOK -> Optional.of("cannot take a test: a webhook campaign goes to the business's own endpoint");
        };
    }
}
