package dev.lifeline.contact.profile;

import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;

import java.util.Locale;

/** The wire names of consent states and channels ("confirmed", "sms"), as stored and as shown. */
public final class ConsentStates {

    private ConsentStates() {}

    public static ConsentStatus parse(String value) {
        return value == null ? ConsentStatus.NONE : ConsentStatus.valueOf(value.toUpperCase(Locale.ROOT));
    }

    public static String format(ConsentStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    public static String name(ContactChannel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }

    public static ContactChannel channel(String value) {
        return ContactChannel.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** @return the channel, or {@code null} when the name is none of ours */
    public static ContactChannel channelOrNull(String value) {
        try {
            return value == null ? null : channel(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @return the state, or {@code null} when the name is none of ours */
    public static ConsentStatus statusOrNull(String value) {
        try {
            return value == null ? null : parse(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
