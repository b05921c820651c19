package dev.lifeline.console.signup;

import dev.lifeline.console.account.PasswordHasher;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What the sign-up form sent, normalised, and its field errors (field name to a message for the person). */
public record SignupForm(
        String businessName, String email, String password, String region, String timeZone, List<String> platformIds) {

    static final int MIN_PASSWORD = 10;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");
    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public static SignupForm of(
            String businessName,
            String email,
            String password,
            String region,
            String timeZone,
            List<String> platformIds) {
        return new SignupForm(
                trim(businessName),
                normaliseEmail(email),
                password == null ? "" : password,
                trim(region).toUpperCase(Locale.ROOT),
                trim(timeZone),
                platformIds == null
                        ? List.of()
                        : platformIds.stream()
                                .map(SignupForm::trim)
                                .filter(p -> !p.isEmpty())
                                .distinct()
                                .toList());
    }

    public static String normaliseEmail(String email) {
        return trim(email).toLowerCase(Locale.ROOT);
    }

    /** Field errors; empty when the form can be used. {@code catalogue} null when monitor-service did not answer. */
    public Map<String, String> errors(Set<String> catalogue) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (businessName.isEmpty()) {
            errors.put("businessName", "Enter your business's name.");
        } else if (businessName.length() > 200 || CONTROL.matcher(businessName).find()) {
            errors.put("businessName", "Use at most 200 ordinary characters.");
        }
        if (email.isEmpty()) {
            errors.put("email", "Enter your e-mail address.");
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.put("email", "This does not look like an e-mail address.");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (password.length() < MIN_PASSWORD) {
            errors.put("password", "Use at least " + MIN_PASSWORD + " characters.");
        } else if (bytes > PasswordHasher.MAX_PASSWORD_BYTES) {
            errors.put("password", "Use at most " + PasswordHasher.MAX_PASSWORD_BYTES + " characters.");
        }
        if (!REGION.matcher(region).matches()
                || !Set.of(Locale.getISOCountries()).contains(region)) {
            errors.put("region", "Choose the country of your customers' phone numbers (two letters, e.g. DE).");
        }
        if (!ZoneId.getAvailableZoneIds().contains(timeZone) || !timeZone.contains("/")) {
            errors.put("timeZone", "Choose a time zone such as Europe/Berlin.");
        }
        List<String> unknown = new ArrayList<>();
        for (String id : platformIds) {
            if (!PLATFORM.matcher(id).matches() || (catalogue != null && !catalogue.contains(id))) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty() || platformIds.size() > 50) {
            errors.put("platformIds", "Choose platforms from the list.");
        }
        return errors;
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
