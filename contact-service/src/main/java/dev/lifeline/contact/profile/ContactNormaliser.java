package dev.lifeline.contact.profile;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.lifeline.contact.input.InvalidFieldException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns what people type into the one form a contact is stored and deduplicated by: e-mail addresses trimmed and
 * lower-cased, phone numbers in E.164 read with the tenant's default region.
 */
public final class ContactNormaliser {

    /** Pragmatic address syntax: a local part of the dot-atom characters, a dotted domain with a 2+ letter TLD. */
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private ContactNormaliser() {}

    /** @throws InvalidFieldException when the text is not an e-mail address */
    public static String email(String raw) {
        if (raw == null) {
            return null;
        }
        String email = raw.strip();
        int at = email.lastIndexOf('@');
        if (email.length() > 254 || at < 1 || at > 64 || !EMAIL.matcher(email).matches()) {
            throw new InvalidFieldException("email", "not a valid e-mail address");
        }
        return email.toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidFieldException when the text is not a valid phone number for the region (or in + form) */
    public static String phone(String raw, String defaultRegion) {
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        if (text.isEmpty() || text.length() > 40) {
            throw new InvalidFieldException("phone", "not a valid phone number");
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(text, defaultRegion);
            if (!PHONES.isValidNumber(number)) {
                throw new InvalidFieldException("phone", "not a valid phone number");
            }
            return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new InvalidFieldException("phone", "not a valid phone number");
        }
    }
}
