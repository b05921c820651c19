package dev.lifeline.outreach.sms;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an inbound SMS asks for. As carriers and Twilio do, a keyword counts only when it is the whole message (case,
 * surrounding blanks and trailing punctuation aside): "Stop!" opts out, "please don't stop" does not. Twilio's
 * Advanced Opt-Out names the keyword's kind itself ({@code OptOutType}); that wins when present, so keywords the
 * account owner added in Twilio's console work too.
 */
public enum TextedKeyword {
    STOP,
    START;

    /** Twilio's default opt-out and opt-in keywords. */
    static final Set<String> STOP_WORDS = Set.of(
            "STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "OPT OUT", "REVOKE");

    static final Set<String> START_WORDS = Set.of("START", "YES", "UNSTOP");

    public static Optional<TextedKeyword> of(String optOutType, String body) {
        if (optOutType != null && !optOutType.isBlank()) {
            return switch (optOutType.trim().toUpperCase(Locale.ROOT)) {
                case "STOP" -> Optional.of(STOP);
                case "START" -> Optional.of(START);
                default -> Optional.empty();
            };
        }
        if (body == null) {
            return Optional.empty();
        }
        String word = body.strip()
                .replaceAll("[\\p{Punct}\\s]+$", "")
                .replaceAll("\\s+", " ")
                .toUpperCase(Locale.ROOT);
        if (STOP_WORDS.contains(word)) {
            return Optional.of(STOP);
        }
        return START_WORDS.contains(word) ? Optional.of(START) : Optional.empty();
    }
}
