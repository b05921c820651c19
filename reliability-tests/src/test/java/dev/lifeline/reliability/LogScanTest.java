package dev.lifeline.reliability;

import dev.lifeline.system.RunningSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Last of the suite: every log line every service instance wrote during the run (restarted instances' earlier logs
 * in {@code *.log.previous} included) holds no personal data and no secret. Looked for:
 * <ul>
 *     <li>e-mail addresses. Allowed, as no person's: {@code lifeline@localhost}, the services' own sender address
 *     (Quarkus mailer configuration);</li>
 *     <li>phone numbers in E.164 ({@code +} and 8 to 15 digits);</li>
 *     <li>anything shaped like a tenant API key ({@code ll_} and 43 base64url characters), whichever test issued it;</li>
 *     <li>verbatim: the operator's key, both link-signing secrets, every API key and signed link the bad-input and
 *     security tests were given ({@link IssuedSecrets}).</li>
 * </ul>
 * The database password ({@code postgres}) is not looked for: it is also the name of the database product.
 */
@Order(100)
class LogScanTest {

    static final String LINES = "log lines scanned";
    static final String FOUND = "personal data or secrets found in logs";

    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,}\\b|[A-Za-z0-9._%+-]+@localhost\\b");
    private static final Pattern PHONE = Pattern.compile("\\+\\d{8,15}\\b");
    private static final Pattern API_KEY = Pattern.compile("ll_[A-Za-z0-9_-]{43}");
    private static final Set<String> ALLOWED_EMAILS = Set.of("lifeline@localhost");

    @Test
    void noPersonalDataOrSecretsInAnyServiceLog() throws IOException {
        // The patterns find what they are meant to find.
        assertThat(offence("sent to ada.lovelace@shop-1.example", Set.of())).isEqualTo("e-mail address");
        assertThat(offence("from Lifeline <lifeline@localhost>", Set.of())).isNull();
        assertThat(offence("phone=+4915112345678", Set.of())).isEqualTo("phone number");
        assertThat(offence("key ll_" + "a".repeat(43), Set.of())).isEqualTo("API key");
        assertThat(offence("x sekrit y", Set.of("sekrit"))).isEqualTo("secret");
        assertThat(offence("io.smallrye.Thing@6d06d69c at 2026-11-30T03:00:00+01:00", Set.of()))
                .isNull();

        RunningSystem system = SharedSystem.get();
        Set<String> secrets = IssuedSecrets.all();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(system.logsDir())) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        long lines = 0;
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    Files.newInputStream(file),
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    lines++;
                    String what = offence(line, secrets);
                    if (what != null) {
                        found.add(system.logsDir().relativize(file) + ":" + number + " (" + what + "): "
                                + BadInputFuzzTest.abbreviate(masked(line, secrets), 240));
                    }
                }
            }
        }
        Results.add(LINES, lines);
        Results.add(FOUND, found.size());
        System.out.printf(
                "LogScanTest: %d lines in %d files, %d with personal data or secrets%n",
                lines, files.size(), found.size());
        assertThat(files).as("logs under " + system.logsDir()).isNotEmpty();
        assertThat(found)
                .as(found.size() + " log lines with personal data or secrets, the first 50:\n"
                        + String.join("\n", found.subList(0, Math.min(50, found.size()))))
                .isEmpty();
    }

    /** The line with every secret replaced, so that the report does not spread what it found. */
    private static String masked(String line, Set<String> secrets) {
        String out = API_KEY.matcher(line).replaceAll("ll_<key>");
        for (String secret : secrets) {
            out = out.replace(secret, "<secret>");
        }
        return out;
    }

    /** What is wrong with the line, or null. Secrets are named by their kind, never printed. */
    private static String offence(String line, Set<String> secrets) {
        Matcher email = EMAIL.matcher(line);
        while (email.find()) {
            if (!ALLOWED_EMAILS.contains(email.group().toLowerCase(Locale.ROOT))) {
                return "e-mail address";
            }
        }
        if (PHONE.matcher(line).find()) {
            return "phone number";
        }
        if (API_KEY.matcher(line).find()) {
            return "API key";
        }
        for (String secret : secrets) {
            if (line.contains(secret)) {
                return "secret";
            }
        }
        return null;
    }
}
