package dev.lifeline.console.imports;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each column of a shop's customer export means to Lifeline, for the exports of Shopify (Customers → Export,
 * current and older column names), WooCommerce (Analytics → Customers download, and the Customer/Order CSV Export
 * extension's customer format) and Etsy (Shop Manager → Settings → Options → Download Data → Orders). Keys are the
 * export's column names, matched ignoring case and surrounding blanks.
 */
public final class ImportPresets {

    /** The choices of the mapping step: a contact-service import column, "attribute" or "ignore". */
    public static final Map<String, String> CHOICES = choices();

    public static final String ATTRIBUTE = "attribute";
    public static final String IGNORE = "ignore";

    /** A preset: its label and the column → choice map. */
    public record Preset(String id, String label, Map<String, String> columns) {}

    public static final List<Preset> ALL = List.of(
            new Preset(
                    "shopify",
                    "Shopify customer export",
                    map(
                            "First Name", "first_name",
                            "Last Name", "last_name",
                            "Email", "email",
                            "Accepts Email Marketing", "email_consent",
                            "Accepts Marketing", "email_consent",
                            "Phone", "phone",
                            "Default Address Phone", IGNORE,
                            "Default Address Country Code", "country",
                            "Country Code", "country",
                            "Accepts SMS Marketing", "sms_consent",
                            "Tags", "tags",
                            "Total Spent", ATTRIBUTE,
                            "Total Orders", ATTRIBUTE)),
            new Preset(
                    "woocommerce",
                    "WooCommerce customer export",
                    map(
                            "first_name", "first_name",
                            "last_name", "last_name",
                            "email", "email",
                            "billing_email", IGNORE,
                            "billing_phone", "phone",
                            "billing_country", "country",
                            "Name", "name",
                            "Email", "email",
                            "Country / Region", "country",
                            "total_spent", ATTRIBUTE,
                            "order_count", ATTRIBUTE,
                            "Total spend", ATTRIBUTE,
                            "Orders", ATTRIBUTE)),
            new Preset(
                    "etsy",
                    "Etsy orders export",
                    map(
                            "Full Name", "name",
                            "First Name", IGNORE,
                            "Last Name", IGNORE,
                            "Buyer Email", "email",
                            "Email", "email",
                            "Ship Country", "country",
                            "Buyer", ATTRIBUTE)));

    private ImportPresets() {}

    public static Optional<Preset> byId(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The preset whose telltale columns the header has, if any. */
    public static Optional<Preset> detect(List<String> header) {
        List<String> h = header.stream().map(ImportPresets::key).toList();
        if (h.contains(key("Accepts Email Marketing"))
                || h.contains(key("Default Address Country Code"))
                || h.contains(key("Accepts Marketing"))) {
            return byId("shopify");
        }
        if (h.contains("billing_email") || h.contains("billing_phone") || h.contains(key("Country / Region"))) {
            return byId("woocommerce");
        }
        if (h.contains(key("Buyer User ID")) || h.contains(key("Ship Country")) || h.contains(key("Sale Date"))) {
            return byId("etsy");
        }
        return Optional.empty();
    }

    /**
     * The first choice shown for each column: the preset's, else a contact-service column of the same name, else
     * "ignore". A field two columns would fill goes to the first; the second is ignored.
     */
    public static List<String> defaults(List<String> header, Optional<Preset> preset) {
        Map<String, String> byKey = new LinkedHashMap<>();
        preset.ifPresent(p -> p.columns().forEach((column, choice) -> byKey.put(key(column), choice)));
        Set<String> taken = new HashSet<>();
        return header.stream()
                .map(column -> {
                    String choice = byKey.getOrDefault(key(column), own(column));
                    if (CHOICES.containsKey(choice)
                            && !choice.equals(ATTRIBUTE)
                            && !choice.equals(IGNORE)
                            && !taken.add(choice)) {
                        return IGNORE;
                    }
                    return choice;
                })
                .toList();
    }

    /** A column already named as contact-service's import knows it ("E-Mail", "sms_consent"). */
    private static String own(String column) {
        String plain = column.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
        for (String choice : CHOICES.keySet()) {
            if (choice.replace("_", "").equals(plain) && !choice.equals(ATTRIBUTE) && !choice.equals(IGNORE)) {
                return choice;
            }
        }
        return IGNORE;
    }

    static String key(String column) {
        return column.strip().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> map(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, String> choices() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("name", "Name");
        c.put("first_name", "First name");
        c.put("last_name", "Last name");
        c.put("email", "E-mail");
        c.put("phone", "Phone");
        c.put("country", "Country (reads this row's phone number)");
        c.put("tags", "Tags");
        c.put("email_consent", "Agreed to e-mail (yes/no)");
        c.put("sms_consent", "Agreed to SMS (yes/no)");
        c.put("whatsapp_consent", "Agreed to WhatsApp (yes/no)");
        c.put("locale", "Language (e.g. en-GB)");
        c.put("time_zone", "Time zone (e.g. Europe/London)");
        c.put(ATTRIBUTE, "Keep as attribute");
        c.put(IGNORE, "Ignore");
        return Collections.unmodifiableMap(c);
    }
}
