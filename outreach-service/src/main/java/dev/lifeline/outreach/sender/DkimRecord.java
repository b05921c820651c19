package dev.lifeline.outreach.sender;

import java.util.Locale;

/**
 * The DNS TXT record that publishes a DKIM public key (RFC 6376 §3.6.1): name {@code <selector>._domainkey.<domain>},
 * value {@code v=DKIM1; k=rsa; p=<base64 SubjectPublicKeyInfo>}.
 */
public record DkimRecord(String name, String type, String value) {

    public static DkimRecord of(String domain, String selector, String publicKey) {
        return new DkimRecord(name(domain, selector), "TXT", "v=DKIM1; k=rsa; p=" + publicKey);
    }

    public static String name(String domain, String selector) {
        return selector + "._domainkey." + domain;
    }

    /**
     * Whether a published TXT value carries this public key: tags in any order, whitespace anywhere (DNS tools often
     * split long values), a version other than DKIM1 or a key type other than rsa is not ours.
     */
    public static boolean publishes(String txt, String publicKey) {
        String p = null;
        for (String tag : txt.split(";")) {
            int eq = tag.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = tag.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = tag.substring(eq + 1).replaceAll("\\s+", "");
            switch (name) {
                case "v" -> {
                    if (!value.equals("DKIM1")) {
                        return false;
                    }
                }
                case "k" -> {
                    if (!value.equalsIgnoreCase("rsa")) {
                        return false;
                    }
                }
                case "p" -> p = value;
                default -> {}
            }
        }
        return publicKey.equals(p);
    }
}
