package dev.lifeline.console.signup;

import java.text.Normalizer;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** contact-service's slug ({@code [a-z0-9][a-z0-9-]{1,62}}) from a business name, with a random tail against clashes. */
final class Slugs {

    private Slugs() {}

    static String from(String businessName) {
        String ascii = Normalizer.normalize(businessName, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String base =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.isEmpty()) {
            base = "shop";
        }
        if (base.length() > 50) {
            base = base.substring(0, 50).replaceAll("-+$", "");
        }
        return base + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
    }
}
