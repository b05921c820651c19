package dev.lifeline.outreach.delivery;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    @Test
    void aBurstUpToCapacityPassesThenCallersWaitAtTheRate() {
        AtomicLong now = new AtomicLong();
        TokenBucket bucket = new TokenBucket(10, 2, now::get);
        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isEqualTo(100_000_000L);
        assertThat(bucket.reserve()).isEqualTo(200_000_000L);
        now.addAndGet(1_000_000_000L);
        assertThat(bucket.reserve()).isZero();
    }
}
