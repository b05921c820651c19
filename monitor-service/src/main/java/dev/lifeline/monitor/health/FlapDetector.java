package dev.lifeline.monitor.health;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Nagios-style flap detection: percent of state changes among the last N verdicts, recent changes weighted more
 * (0.8 for the oldest to 1.2 for the newest). Hysteresis: flapping starts at or above the high threshold and ends
 * only below the low one, so the detector itself does not flap.
 */
public final class FlapDetector {

    private final int window;
    private final double high;
    private final double low;
    private final Deque<Boolean> verdicts = new ArrayDeque<>();
    private boolean flapping;

    public FlapDetector(int window, double high, double low) {
        this.window = window;
        this.high = high;
        this.low = low;
        // A platform starts out presumed healthy, as the state machine does: its first failure is a change.
        for (int i = 0; i < window; i++) {
            verdicts.addLast(false);
        }
    }

    /** Records one verdict (true = bad) and answers whether the platform is flapping now. */
    public boolean record(boolean bad) {
        verdicts.addLast(bad);
        if (verdicts.size() > window) {
            verdicts.removeFirst();
        }
        double percent = percentStateChange();
        if (!flapping && percent >= high) {
            flapping = true;
        } else if (flapping && percent < low) {
            flapping = false;
        }
        return flapping;
    }

    public boolean flapping() {
        return flapping;
    }

    /** Percent of weighted state changes over the window (0 to 100). */
    public double percentStateChange() {
        int transitions = window - 1;
        double weighted = 0;
        Boolean previous = null;
        int index = window - verdicts.size();
        for (Boolean verdict : verdicts) {
            if (previous != null && !previous.equals(verdict)) {
                double weight = 0.8 + 0.4 * (index - 1) / (double) (transitions - 1);
                weighted += weight;
            }
            previous = verdict;
            index++;
        }
        return 100.0 * weighted / transitions;
    }
}
