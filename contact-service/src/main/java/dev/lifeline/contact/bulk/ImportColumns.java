package dev.lifeline.contact.bulk;

import dev.lifeline.contact.consent.ConsentSource;
import dev.lifeline.contact.input.InvalidFieldException;
import dev.lifeline.contact.profile.ConsentStates;
import dev.lifeline.contact.profile.ContactInput;
import dev.lifeline.contact.profile.ContactNormaliser;
import dev.lifeline.events.contact.ContactChannel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps CSV columns to contact fields by their header, in any order and case ("E-Mail", "email", "e_mail").
 * Columns named {@code attr.<key>} become custom attributes. What happens to any other column is the uploader's
 * choice ({@link Unknown}): by default the file is refused, so that a typo in a header never drops data silently.
 * {@code first_name} and {@code last_name} make the name when there is no name; a {@code country} column (ISO code
 * or English name) reads that row's phone number as dialled in that country instead of the tenant's region.
 */
public final class ImportColumns {

    /** What an upload wants done with a column that is no contact field. */
    public enum Unknown {
        /** The whole file is refused, naming the column (the default). */
        REFUSE,
        /** The column is skipped. */
        IGNORE,
        /** The column becomes an attribute named by its header. */
        ATTRIBUTES;

        /** @throws InvalidFieldException naming {@code unknownColumns} for anything else */
        public static Unknown parse(String value) {
            if (value == null || value.isBlank()) {
                return REFUSE;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "refuse" -> REFUSE;
                case "ignore" -> IGNORE;
                case "attributes" -> ATTRIBUTES;
                default -> throw new InvalidFieldException("unknownColumns", "must be refuse, ignore or attributes");
            };
        }
    }

    /** A contact holds at most this many attributes (as through the API). */
    static final int MAX_ATTRIBUTES = 30;

    static final Set<String> KNOWN = Set.of(
            "name",
            "email",
            "phone",
            "tags",
            "locale",
            "timezone",
            "source",
            "channelorder",
            "emailconsent",
            "smsconsent",
            "whatsappconsent",
            "consenttext",
            "firstname",
            "lastname",
            "country");

    private final String[] keys;

    private ImportColumns(String[] keys) {
        this.keys = keys;
    }

    /** @throws InvalidFieldException naming the column when the header cannot be imported */
    public static ImportColumns of(List<String> header) {
        return of(header, Unknown.REFUSE);
    }

    /** @throws InvalidFieldException naming the column when the header cannot be imported */
    public static ImportColumns of(List<String> header, Unknown unknown) {
        String[] keys = new String[header.size()];
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i).strip();
            String key = raw.toLowerCase(Locale.ROOT).startsWith("attr.")
                    ? "attr." + raw.substring(5).strip()
                    : raw.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
            if (!key.startsWith("attr.") && !KNOWN.contains(key) && unknown != Unknown.REFUSE) {
                if (unknown == Unknown.IGNORE || raw.isEmpty()) {
                    continue;
                }
                key = "attr." + raw;
            }
            if (!key.startsWith("attr.") && !KNOWN.contains(key)) {
                throw new InvalidFieldException(
                        "header",
                        "unknown column '" + shorten(raw) + "'; known: name, email, phone, tags, "
                                + "locale, time_zone, source, channel_order, email_consent, sms_consent, whatsapp_consent, consent_text, attr.<key>");
            }
            if (key.equals("attr.") || seen.contains(key)) {
                throw new InvalidFieldException("header", "column '" + shorten(raw) + "' is empty or repeated");
            }
            seen.add(key);
            keys[i] = key;
        }
        if (seen.stream().filter(k -> k.startsWith("attr.")).count() > MAX_ATTRIBUTES) {
            throw new InvalidFieldException(
                    "header", "more than " + MAX_ATTRIBUTES + " attribute columns; a contact holds at most that many");
        }
        if (seen.stream().anyMatch(k -> k.length() > "attr.".length() + 64)) {
            throw new InvalidFieldException("header", "an attribute column's name is longer than 64 characters");
        }
        if (!seen.contains("email") && !seen.contains("phone")) {
            throw new InvalidFieldException("header", "needs an email or a phone column");
        }
        return new ImportColumns(keys);
    }

    public int size() {
        return keys.length;
    }

    /** @throws InvalidFieldException naming the column of a value that cannot be read */
    public ContactInput toInput(List<String> values) {
        if (values.size() != keys.length) {
            throw new InvalidFieldException("row", "has " + values.size() + " fields, the header has " + keys.length);
        }
        Map<String, String> v = new LinkedHashMap<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            String value = values.get(i).strip();
            if (value.isEmpty() || keys[i] == null) {
                continue;
            }
            if (keys[i].startsWith("attr.")) {
                attributes.put(keys[i].substring(5), value);
            } else {
                v.put(keys[i], value);
            }
        }
        List<String> tags = v.containsKey("tags")
                ? Arrays.stream(v.get("tags").split("[;|,]"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList()
                : null;
        List<ContactChannel> order = null;
        if (v.containsKey("channelorder")) {
            order = new ArrayList<>();
            for (String name : v.get("channelorder").split("[;|,]")) {
                ContactChannel channel = ConsentStates.channelOrNull(name);
                if (channel == null) {
                    throw new InvalidFieldException("channel_order", "names an unknown channel");
                }
                order.add(channel);
            }
        }
        ContactInput.Consents consents = new ContactInput.Consents(
                flag(v, "emailconsent", "email_consent"),
                flag(v, "smsconsent", "sms_consent"),
                flag(v, "whatsappconsent", "whatsapp_consent"));
        return new ContactInput(
                name(v),
                v.get("email"),
                phone(v),
                consents,
                v.get("consenttext"),
                tags,
                order,
                v.get("locale"),
                v.get("timezone"),
                v.getOrDefault("source", ConsentSource.IMPORT),
                attributes.isEmpty() ? null : attributes);
    }

    private static String name(Map<String, String> v) {
        if (v.containsKey("name")) {
            return v.get("name");
        }
        String joined = (v.getOrDefault("firstname", "") + " " + v.getOrDefault("lastname", "")).strip();
        return joined.isEmpty() ? null : joined;
    }

    /**
     * A spreadsheet's leading apostrophe (kept so that it shows the +) is no part of the number. With a country
     * column, a number without + is read as dialled in that row's country; with + the country does not matter.
     */
    private static String phone(Map<String, String> v) {
        String phone = v.get("phone");
        if (phone == null) {
            return null;
        }
        if (phone.startsWith("'")) {
            phone = phone.substring(1).strip();
        }
        String country = v.get("country");
        if (country == null || phone.startsWith("+") || phone.isEmpty()) {
            return phone.isEmpty() ? null : phone;
        }
        return ContactNormaliser.phone(phone, Countries.code(country));
    }

    private static Boolean flag(Map<String, String> v, String key, String column) {
        String value = v.get(key);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "x" -> Boolean.TRUE;
            case "false", "no", "n", "0" -> Boolean.FALSE;
            default -> throw new InvalidFieldException(column, "must be yes or no");
        };
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
