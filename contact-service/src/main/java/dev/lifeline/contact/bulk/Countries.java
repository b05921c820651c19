package dev.lifeline.contact.bulk;

import dev.lifeline.contact.input.InvalidFieldException;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An import row's country as shops export it: an ISO 3166 code ("GB", Shopify's and WooCommerce's) or an English
 * name ("United Kingdom", Etsy's "Ship Country").
 */
final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : CODES) {
            BY_NAME.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        // Names shops use that differ from Java's English ones.
        BY_NAME.put("united states of america", "US");
        BY_NAME.put("usa", "US");
        BY_NAME.put("uk", "GB");
        BY_NAME.put("great britain", "GB");
        BY_NAME.put("england", "GB");
        BY_NAME.put("scotland", "GB");
        BY_NAME.put("wales", "GB");
        BY_NAME.put("northern ireland", "GB");
    }

    private Countries() {}

    /** @throws InvalidFieldException naming {@code country} when the text is neither */
    static String code(String country) {
        String text = country.strip();
        String upper = text.toUpperCase(Locale.ROOT);
        if (CODES.contains(upper)) {
            return upper;
        }
        String code = BY_NAME.get(text.toLowerCase(Locale.ROOT));
        if (code == null) {
            throw new InvalidFieldException(
                    "country", "must be an ISO country code such as GB, or a country's English name");
        }
        return code;
    }
}
