package dev.lifeline.outreach.unsubscribe;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule for {@code lifeline.outreach.public-base-url} in production: https, since every e-mail's List-Unsubscribe
 * link is built on it and RFC 8058 one-click unsubscribe needs an https URI (mail providers ignore the one-click header
 * otherwise, and the customer's unsubscribe then travels in clear text).
 * <p>
 * One exception: a loopback host ({@code localhost}, 127.0.0.0/8, ::1). No recipient can ever reach such a URL, so it
 * only serves the packaged jar on a developer's machine (the local run, the system and reliability tests, the
 * service's own *IT tests), which runs the production profile over plain http.
 */
public final class PublicBaseUrl {

    private PublicBaseUrl() {}

    /** Why the URL is refused in production, or empty when it is fine. */
    public static Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("lifeline.outreach.public-base-url (LIFELINE_PUBLIC_BASE_URL) is not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("lifeline.outreach.public-base-url (LIFELINE_PUBLIC_BASE_URL) must be an absolute https "
                    + "URL such as https://lifeline.example.com, not " + url);
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            return Optional.of(
                    "lifeline.outreach.public-base-url (LIFELINE_PUBLIC_BASE_URL) is " + url + ", but must be "
                            + "https in production: e-mails' one-click unsubscribe links (RFC 8058) are built on it and need an "
                            + "https URI. Set it to the https address the ingress serves /unsubscribe on.");
        }
        return Optional.empty();
    }

    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        // Only literal addresses: a name is never resolved here (it could point anywhere later).
        if (h.matches("[0-9.]+") || h.startsWith("[")) {
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (Exception e) {
                return false;
            }
        }
        return false;
    }
}
