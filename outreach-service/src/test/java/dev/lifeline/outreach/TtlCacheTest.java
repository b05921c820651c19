package dev.lifeline.outreach;

import org.junit.jupiter.api.Test;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TtlCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private final TtlCache<String, String> cache = new TtlCache<>(Duration.ofSeconds(5), 3, now::get);

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    @Test
    void aValueIsReadOnceWithinItsTimeToLiveAndAgainAfterIt() {
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
    }

    @Test
    void aForgottenKeyIsReadAgainAtOnce() {
        cache.get("a", this::load);
        cache.forget("a");
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
    }

    @Test
    void whileTheDatabaseIsAwayTheLastValueIsServedAndOtherFailuresAreNot() {
        cache.get("a", this::load);
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(cache.get("a", k -> {
                    throw new IllegalStateException("pool", new SQLTransientConnectionException("Connection refused"));
                }))
                .isEqualTo("a#1");
        assertThatThrownBy(() -> cache.get("a", k -> {
                    throw new IllegalArgumentException("a bug, not an outage");
                }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.get("never-read", k -> {
                    throw new IllegalStateException("pool", new SQLTransientConnectionException("Connection refused"));
                }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void itNeverHoldsMoreThanItsBound() {
        for (String key : new String[] {"a", "b", "c", "d"}) {
            cache.get(key, this::load);
        }
        // Cleared when full: "a" is read again.
        assertThat(cache.get("a", this::load)).isEqualTo("a#5");
    }
}
