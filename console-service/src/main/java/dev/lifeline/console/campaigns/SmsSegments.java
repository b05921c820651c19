package dev.lifeline.console.campaigns;

/**
 * How many SMS a text costs, for the editor's live counter: GSM-7 when every character is in the GSM 03.38 alphabet
 * (160 in a single message, 153 per part of a long one, as each part carries a 7-unit header; the extension
 * characters such as € take two units), else UCS-2 (70, or 67 per part; a character outside the BMP takes two).
 * The same rule as outreach-service's, which the console cannot import: outreach has the last word when it saves.
 *
 * @param perSegment the units one segment holds at the current length (160/153 or 70/67)
 * @param remaining units left in the last segment before the text costs one more
 */
public record SmsSegments(String encoding, int units, int segments, int perSegment, int remaining) {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENDED = "^{}\\[~]|€\f";

    public static SmsSegments of(String text) {
        String t = text == null ? "" : text;
        int gsmUnits = 0;
        for (int i = 0; i < t.length() && gsmUnits >= 0; i++) {
            char c = t.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                gsmUnits++;
            } else if (GSM_EXTENDED.indexOf(c) >= 0) {
                gsmUnits += 2;
            } else {
                gsmUnits = -1;
            }
        }
        if (gsmUnits >= 0) {
            return count("GSM-7", gsmUnits, 160, 153);
        }
        // UTF-16 code units: a character outside the BMP is a surrogate pair, two units, as on the wire.
        return count("UCS-2", t.length(), 70, 67);
    }

    private static SmsSegments count(String encoding, int units, int single, int part) {
        if (units <= single) {
            return new SmsSegments(encoding, units, units == 0 ? 0 : 1, single, single - units);
        }
        int segments = (units + part - 1) / part;
        return new SmsSegments(encoding, units, segments, part, segments * part - units);
    }
}
