package dev.lifeline.console.signup;

import dev.lifeline.console.account.PasswordHasher;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
        emailProblem(email).ifPresent(message -> errors.put("email", message));
        passwordProblem(password).ifPresent(message -> errors.put("password", message));
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

    /** What is wrong with a normalised address ({@link #normaliseEmail}), for the message next to its field. */
    public static Optional<String> emailProblem(String email) {
        if (email.isEmpty()) {
            return Optional.of("Enter your e-mail address.");
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            return Optional.of("This does not look like an e-mail address.");
        }
        return Optional.empty();
    }

    /** What is wrong with a new password: bcrypt reads 72 bytes, so a longer one is refused rather than cut. */
    public static Optional<String> passwordProblem(String password) {
        String value = password == null ? "" : password;
        if (value.length() < MIN_PASSWORD) {
            return Optional.of("Use at least " + MIN_PASSWORD + " characters.");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_PASSWORD_BYTES) {
            return Optional.of("Use at most " + PasswordHasher.MAX_PASSWORD_BYTES + " characters.");
        }
        return Optional.empty();
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
