package dev.lifeline.outreach.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SweepScheduleTest {

    private static final ClaimLease LEASE = new ClaimLease(Duration.ofSeconds(20));
    private final AtomicLong now = new AtomicLong(1_000);
    private final SweepSchedule schedule = new SweepSchedule(now::get);

    private void after(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void sweepsAtOnceAndThenEveryQuarterLease() {
        assertThat(schedule.due(LEASE)).isTrue();
        after(Duration.ofSeconds(4));
        assertThat(schedule.due(LEASE)).isFalse();
        after(Duration.ofSeconds(1));
        assertThat(schedule.due(LEASE)).isTrue();
    }

    @Test
    void noClaimIsTakenBackUntilTheDatabaseHasBeenBackForAFullLease() {
        assertThat(schedule.due(LEASE)).isTrue();
        // A 90 s database outage: the instance's loop fails every second of it.
        for (int s = 0; s < 90; s++) {
            after(Duration.ofSeconds(1));
            schedule.databaseFailed();
            assertThat(schedule.due(LEASE))
                    .as("during the outage, second %d", s)
                    .isFalse();
        }
        after(Duration.ofSeconds(19));
        assertThat(schedule.due(LEASE))
                .as("19 s after the database came back: senders may still be recording")
                .isFalse();
        after(Duration.ofSeconds(1));
        assertThat(schedule.due(LEASE)).as("a full lease after it came back").isTrue();
    }
}
