package dev.lifeline.outreach.delivery;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances drawing from one bucket (the database's, simulated on a fake clock) keep its rate together. */
class SharedBucketTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(5 * SECOND);

    /** The bucket as the database keeps it: refilled by elapsed time, capped at the burst, may go negative. */
    private final class Database implements SharedBucket.Grants {
        double tokens = Double.NaN;
        long at;
        int calls;

        @Override
        public synchronized double take(double rate, double burst, int n) {
            calls++;
            if (Double.isNaN(tokens)) {
                tokens = burst;
            } else {
                tokens = Math.min(burst, tokens + rate * (now.get() - at) / 1e9);
            }
            at = now.get();
            tokens -= n;
            return tokens;
        }
    }

    @Test
    void twoInstancesTogetherSendAtTheConfiguredRateNotTwiceIt() {
        Database db = new Database();
        SharedBucket a = new SharedBucket(100, db, now::get);
        SharedBucket b = new SharedBucket(100, db, now::get);
        List<Long> sendTimes = new ArrayList<>();
        // Both instances ask as fast as they can, each sending when its token is due; time moves to the next send.
        long start = now.get();
        long aNext = a.reserve();
        long bNext = b.reserve();
        while (sendTimes.size() < 2000) {
            if (aNext <= bNext) {
                now.set(Math.max(now.get(), aNext));
                sendTimes.add(aNext);
                aNext = a.reserve();
            } else {
                now.set(Math.max(now.get(), bNext));
                sendTimes.add(bNext);
                bNext = b.reserve();
            }
        }
        double seconds = (sendTimes.get(sendTimes.size() - 1) - start) / 1e9;
        assertThat(sendTimes.size() / seconds)
                .as("messages per second, both instances together")
                .isBetween(90.0, 110.0);
        // In every whole second after the first, within 10% of the rate.
        long firstSecond = start / SECOND + 1;
        for (long s = firstSecond; s < firstSecond + 15; s++) {
            long sec = s;
            long inWindow = sendTimes.stream().filter(t -> t / SECOND == sec).count();
            assertThat(inWindow).as("sends in second %d", sec - firstSecond).isBetween(90L, 110L);
        }
        assertThat(db.calls).as("database round trips for 2,000 tokens").isLessThan(2000 / 5);
    }

    @Test
    void anIdleBucketLetsOutAtMostOneGrantAtOnce() {
        Database db = new Database();
        SharedBucket bucket = new SharedBucket(1000, db, now::get);
        now.addAndGet(60 * SECOND);
        long t0 = now.get();
        long immediate = 0;
        for (int i = 0; i < 500; i++) {
            if (bucket.reserve() <= t0) {
                immediate++;
            }
        }
        assertThat(immediate).as("tokens usable at once after a minute idle").isLessThanOrEqualTo(1);
    }
}
