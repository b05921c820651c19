package dev.lifeline.outreach.sender;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sending domains as DNS names: at least two labels of letters, digits and inner hyphens, each at most 63
 * characters, 253 in all, a top-level label that starts with a letter (so never an IP address). Internationalised
 * names are given in their ASCII form ({@code xn--…}).
 */
public final class DomainNames {

    private static final Pattern NAME = Pattern.compile(
            "(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private DomainNames() {}

    /** The name in the form it is stored and compared in (lower case, no final dot), or empty when it is not one. */
    public static Optional<String> normalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String name = input.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }
}
