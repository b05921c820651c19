package dev.lifeline.outreach.sender;

import java.util.Locale;

/**
 * Plain addresses ({@code local@domain}) and the From header built from a display name and one. Plain on purpose: no
 * quoted local parts, comments or display names inside an address field, so nothing a business types can add a header
 * or a second recipient.
 */
public final class MailAddresses {

    /** A dot-atom local part and a host name; for Bean Validation's {@code @Pattern}. */
    public static final String ADDRESS = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@"
            + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+";

    /** Characters that would end or re-open the display name inside a From header. */
    public static final String DISPLAY_NAME = "[^<>()\"\\\\]*";

    private MailAddresses() {}

    public static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /** The address inside a header value such as {@code Lifeline <lifeline@example.com>}, or the value itself. */
    public static String addressIn(String header) {
        int open = header.lastIndexOf('<');
        int close = header.lastIndexOf('>');
        return open >= 0 && close > open ? header.substring(open + 1, close).strip() : header.strip();
    }

    /**
     * A From value: the name quoted when it is printable ASCII (so a comma or a dot in a shop's name stays part of the
     * name), given bare otherwise, as the Vert.x mail encoder then writes it itself as an RFC 2047 encoded word in a
     * comment ({@code news@shop.example (=?UTF-8?Q?Caf=C3=A9_Ada?=)}, commas included) and would encode quotes along
     * with it. The name never holds {@code <>()"\} ({@link #DISPLAY_NAME}).
     */
    public static String from(String displayName, String address) {
        if (displayName == null || displayName.isBlank()) {
            return address;
        }
        String name = displayName.strip();
        return (plainAscii(name) ? "\"" + name + "\"" : name) + " <" + address + ">";
    }

    private static boolean plainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
