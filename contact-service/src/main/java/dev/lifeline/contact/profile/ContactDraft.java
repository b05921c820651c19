package dev.lifeline.contact.profile;

import dev.lifeline.contact.input.InvalidFieldException;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.kit.validation.FiniteNumbersValidator;
import dev.lifeline.kit.validation.SingleLineValidator;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The validated, normalised fields of a request, ready to be merged into or to replace a contact's. */
public record ContactDraft(
        String name,
        String email,
        String phone,
        List<String> tags,
        List<ContactChannel> channelOrder,
        String locale,
        String timeZone,
        Map<String, Object> attributes) {

    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*");
    private static final int MAX_ATTRIBUTE_TEXT = 500;

    public static ContactDraft of(ContactInput in, String defaultRegion) {
        String email = ContactNormaliser.email(blankToNull(in.email()));
        String phone = ContactNormaliser.phone(blankToNull(in.phone()), defaultRegion);
        if (in.locale() != null && !LOCALE.matcher(in.locale()).matches()) {
            throw new InvalidFieldException("locale", "not a language tag such as de-DE");
        }
        if (in.timeZone() != null) {
            try {
                ZoneId.of(in.timeZone());
            } catch (DateTimeException e) {
                throw new InvalidFieldException(
                        "timeZone", "unknown time zone; use an IANA name such as Europe/Berlin");
            }
        }
        if (in.channelOrder() != null
                && new LinkedHashSet<>(in.channelOrder()).size()
                        != in.channelOrder().size()) {
            throw new InvalidFieldException("channelOrder", "names a channel twice");
        }
        if (in.attributes() != null) {
            in.attributes().forEach(ContactDraft::checkAttribute);
        }
        // The name goes into mail headers (the recipient's display name, subjects that greet by name).
        if (in.name() != null && !SingleLineValidator.isSingleLine(in.name())) {
            throw new InvalidFieldException("name", "must be one line without control characters (no CR, LF or tab)");
        }
        String name = in.name() == null ? null : in.name().strip();
        List<String> tags = in.tags() == null
                ? null
                : in.tags().stream().map(String::strip).distinct().toList();
        return new ContactDraft(
                name, email, phone, tags, in.channelOrder(), in.locale(), in.timeZone(), in.attributes());
    }

    /** Create that matched an existing contact: what is given fills in or adds; nothing is lost. */
    public void mergeInto(Contact c) {
        replaceScalars(c);
        if (tags != null) {
            c.tags = union(c.tags, tags);
        }
        if (attributes != null) {
            c.attributes = mergedAttributes(c.attributes, attributes);
        }
    }

    /** PATCH: what is given replaces what was there. */
    void replaceInto(Contact c) {
        replaceScalars(c);
        if (tags != null) {
            c.tags = tags.toArray(String[]::new);
        }
        if (attributes != null) {
            c.attributes = attributes;
        }
    }

    private void replaceScalars(Contact c) {
        if (name != null) {
            c.name = name;
        }
        if (email != null) {
            c.email = email;
        }
        if (phone != null) {
            c.phone = phone;
        }
        if (channelOrder != null) {
            c.channelOrder = channelOrder.stream().map(ConsentStates::name).collect(Collectors.joining(","));
        }
        if (locale != null) {
            c.locale = locale;
        }
        if (timeZone != null) {
            c.timeZone = timeZone;
        }
    }

    private static void checkAttribute(String key, Object value) {
        if (key.isBlank() || key.length() > 64) {
            throw new InvalidFieldException("attributes", "keys must be 1 to 64 characters");
        }
        boolean scalar = value == null
                || value instanceof Number
                || value instanceof Boolean
                || (value instanceof String s && s.length() <= MAX_ATTRIBUTE_TEXT);
        if (!scalar) {
            throw new InvalidFieldException(
                    "attributes." + key, "must be a string (up to 500 characters), number, boolean or null");
        }
        if (!FiniteNumbersValidator.isFinite(value)) {
            throw new InvalidFieldException(
                    "attributes." + key, "is a number out of range (larger than a double can hold)");
        }
    }

    static Map<String, Object> mergedAttributes(Map<String, Object> current, Map<String, Object> added) {
        Map<String, Object> merged = new LinkedHashMap<>(current == null ? Map.of() : current);
        merged.putAll(added);
        return merged;
    }

    static String[] union(String[] current, List<String> added) {
        Set<String> all = new LinkedHashSet<>(current == null ? List.of() : List.of(current));
        all.addAll(added);
        return all.toArray(String[]::new);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
