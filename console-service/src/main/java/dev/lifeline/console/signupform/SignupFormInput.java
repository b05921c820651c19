package dev.lifeline.console.signupform;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the owner typed on the Sign-up form page: a consent text per channel and the websites (one a line) that may
 * show the embedded form. Checked here first, with contact-service's own limits, so that a plain mistake is named
 * next to its field without a round trip; contact-service still has the last word.
 */
public record SignupFormInput(String emailText, String smsText, String websites) {

    /** contact-service's limit on a consent text. */
    static final int MAX_TEXT = 2000;

    /** contact-service's limit on allowed origins. */
    static final int MAX_WEBSITES = 50;

    /** Scheme, host and optional port: what a browser sends as {@code Origin}, as contact-service accepts it. */
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    public SignupFormInput {
        emailText = emailText == null ? "" : emailText.strip();
        smsText = smsText == null ? "" : smsText.strip();
        websites = websites == null ? "" : websites.strip();
    }

    /** The websites as origins: one a line, blank lines skipped, a trailing slash dropped, scheme and host in lower case. */
    public List<String> websiteList() {
        return Arrays.stream(websites.split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(line -> line.endsWith("/") ? line.substring(0, line.length() - 1) : line)
                .map(line -> line.toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }

    /** Messages per field; empty when everything may go to contact-service. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        text(emailText, "emailText", "e-mail", problems);
        text(smsText, "smsText", "text messages", problems);
        List<String> list = websiteList();
        if (list.size() > MAX_WEBSITES) {
            problems.put("websites", "At most " + MAX_WEBSITES + " websites.");
        } else {
            list.stream()
                    .filter(origin -> !ORIGIN.matcher(origin).matches())
                    .findFirst()
                    .ifPresent(bad -> problems.put(
                            "websites",
                            "\"" + bad + "\" is not a website address: write it as https://myshop.example"
                                    + " (no path)."));
        }
        return problems;
    }

    private static void text(String text, String field, String channel, Map<String, String> problems) {
        if (text.isEmpty()) {
            problems.put(field, "Write what customers agree to for " + channel + ".");
        } else if (text.length() > MAX_TEXT) {
            problems.put(field, "At most " + MAX_TEXT + " characters (this has " + text.length() + ").");
        } else if (CONTROL.matcher(text).find()) {
            problems.put(field, "Remove the invisible control characters.");
        }
    }
}
