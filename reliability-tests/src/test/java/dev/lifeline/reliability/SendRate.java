package dev.lifeline.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How fast a business's mail reached the SMTP server, from the server's accept times. The first second is left out:
 * a token bucket rightly lets one second's worth go at once, and that burst says nothing about the sustained rate.
 *
 * @param busiestWindow the most mails accepted in any window of the given length, per second
 * @param average mails per second from the end of the first second to the last mail
 */
record SendRate(double busiestWindow, double average) {

    private static final Duration BURST = Duration.ofSeconds(1);

    static SendRate of(List<Instant> acceptedAt, Duration window) {
        List<Instant> sorted = acceptedAt.stream().sorted().toList();
        if (sorted.size() < 2) {
            return new SendRate(0, 0);
        }
        Instant steadyFrom = sorted.get(0).plus(BURST);
        List<Instant> steady =
                sorted.stream().filter(at -> !at.isBefore(steadyFrom)).toList();
        int busiest = 0;
        int start = 0;
        for (int end = 0; end < steady.size(); end++) {
            while (!steady.get(start).plus(window).isAfter(steady.get(end))) {
                start++;
            }
            busiest = Math.max(busiest, end - start + 1);
        }
        double seconds =
                Duration.between(steadyFrom, sorted.get(sorted.size() - 1)).toMillis() / 1000.0;
        double perWindow = window.toMillis() / 1000.0;
        return new SendRate(busiest / perWindow, seconds > 0 ? steady.size() / seconds : 0);
    }

    /** How far the busiest window went above the configured rate, as a fraction (0 when it stayed at or below). */
    double overshootOver(int configuredPerSecond) {
        return Math.max(0, busiestWindow / configuredPerSecond - 1);
    }
}
