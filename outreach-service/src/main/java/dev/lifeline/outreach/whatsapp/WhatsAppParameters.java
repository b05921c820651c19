package dev.lifeline.outreach.whatsapp;

import java.util.regex.Pattern;

/**
 * Makes a rendered body parameter acceptable to WhatsApp, which refuses one that is empty or holds a line break, a tab
 * or more than four spaces in a row (error 131009). The campaign's own text is checked at save time; what a contact's
 * data brings in (a name typed with a line break, an empty first name) is smoothed here so that it does not cost the
 * contact their message.
 */
public final class WhatsAppParameters {

    /** Meta's limit for one body parameter. */
    static final int MAX_LENGTH = 1024;

    private static final Pattern WHITESPACE = Pattern.compile("[\\n\\r\\t]+| {5,}");

    private WhatsAppParameters() {}

    public static String clean(String rendered) {
        String text = rendered == null
                ? ""
                : WHITESPACE.matcher(rendered).replaceAll(" ").strip();
        if (text.isEmpty()) {
            return "-";
        }
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    }
}
