package dev.lifeline.outreach.sms;

/**
 * How many SMS a text costs: GSM-7 when every character is in the GSM 03.38 alphabet (160 per single message, 153
 * per part of a long one; the extension characters count twice), else UCS-2 (70, or 67 per part; a character outside
 * the BMP counts twice).
 */
public record SmsSegments(String encoding, int units, int segments) {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENDED = "^{}\\[~]|€\f";

    public static SmsSegments of(String text) {
        int gsmUnits = 0;
        boolean gsm = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                gsmUnits++;
            } else if (GSM_EXTENDED.indexOf(c) >= 0) {
                gsmUnits += 2;
            } else {
                gsm = false;
                break;
            }
        }
        if (gsm) {
            return new SmsSegments("GSM-7", gsmUnits, gsmUnits == 0 ? 0 : gsmUnits <= 160 ? 1 : ceil(gsmUnits, 153));
        }
        int ucsUnits = text.length(); // UTF-16 code units: a surrogate pair already counts as two
        return new SmsSegments("UCS-2", ucsUnits, ucsUnits <= 70 ? 1 : ceil(ucsUnits, 67));
    }

    private static int ceil(int a, int b) {
        return (a + b - 1) / b;
    }
}
