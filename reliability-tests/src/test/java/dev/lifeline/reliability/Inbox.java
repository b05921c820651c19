package dev.lifeline.reliability;

import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.system.RunningSystem;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the SMTP catcher received for one business's contacts, counted per recipient. */
final class Inbox {

    /** Recipients expected and never mailed, and recipients mailed more than once (with how often). */
    record Tally(List<String> missing, Map<String, Integer> duplicates, int messages) {
        long duplicateCopies() {
            return duplicates.values().stream().mapToLong(count -> count - 1).sum();
        }

        @Override
        public String toString() {
            return messages + " messages, " + missing.size() + " missing " + head(missing) + ", " + duplicates.size()
                    + " with more than one " + head(duplicates.keySet());
        }

        private static String head(Collection<String> addresses) {
            return addresses.stream().limit(5).toList() + (addresses.size() > 5 ? "…" : "");
        }
    }

    private Inbox() {}

    static Map<String, Integer> perRecipient(RunningSystem system, Business business) {
        Map<String, Integer> counts = new HashMap<>();
        for (CapturedMail mail : system.stack.mail().messages()) {
            for (String to : mail.to()) {
                if (business.isOurs(to)) {
                    counts.merge(to.toLowerCase(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /**
     * Waits until every expected recipient has mail or the timeout passes, then a little longer so that a second copy,
     * if one is coming, is counted too.
     */
    static Tally await(RunningSystem system, Business business, List<String> expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)
                && !perRecipient(system, business).keySet().containsAll(expected)) {
            Business.sleep(Duration.ofMillis(500));
        }
        Business.sleep(Duration.ofSeconds(5));
        Map<String, Integer> counts = perRecipient(system, business);
        List<String> missing = expected.stream()
                .filter(address -> !counts.containsKey(address))
                .toList();
        Map<String, Integer> duplicates = new TreeMap<>();
        counts.forEach((address, count) -> {
            if (count > 1) {
                duplicates.put(address, count);
            }
        });
        return new Tally(
                missing,
                duplicates,
                counts.values().stream().mapToInt(Integer::intValue).sum());
    }
}
