package dev.lifeline.monitor.probe;

import dev.lifeline.monitor.health.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeScheduleTest {

    private final MutableClock clock = MutableClock.atEpoch();
    private final ProbeSchedule schedule = new ProbeSchedule(clock);

    private static ProbeDefinition probe(String id, int seconds) {
        return ProbeDefinition.http(id, "p", "http://x/", Duration.ofSeconds(seconds));
    }

    private List<String> runFor(Duration total, Duration step) {
        List<String> fired = new ArrayList<>();
        for (Duration t = Duration.ZERO; t.compareTo(total) < 0; t = t.plus(step)) {
            schedule.pollDue(Integer.MAX_VALUE).forEach(p -> fired.add(p.id()));
            clock.advance(step);
        }
        return fired;
    }

    @Test
    void eachProbeRunsOnItsOwnInterval() {
        schedule.put(probe("fast", 5));
        schedule.put(probe("slow", 30));
        List<String> fired = runFor(Duration.ofSeconds(60), Duration.ofMillis(100));
        assertThat(fired.stream().filter("fast"::equals).count()).isBetween(11L, 12L);
        assertThat(fired.stream().filter("slow"::equals).count()).isBetween(2L, 3L);
    }

    @Test
    void firstRunsAreSpreadOverTheInterval() {
        for (int i = 0; i < 1000; i++) {
            schedule.put(probe("probe-" + i, 10));
        }
        int dueAtOnce = schedule.pollDue(Integer.MAX_VALUE).size();
        assertThat(dueAtOnce)
                .as("a thousand probes must not all fire in the first tick")
                .isLessThan(50);
        clock.advance(Duration.ofSeconds(10));
        assertThat(schedule.pollDue(Integer.MAX_VALUE).size()).isEqualTo(1000 - dueAtOnce);
    }

    @Test
    void aReplacedProbeRunsOnItsNewIntervalOnly() {
        schedule.put(probe("p1", 5));
        schedule.put(probe("p1", 60));
        List<String> fired = runFor(Duration.ofSeconds(60), Duration.ofMillis(100));
        assertThat(fired).hasSizeBetween(1, 2);
    }

    @Test
    void aRemovedProbeNeverRunsAgain() {
        schedule.put(probe("p1", 5));
        schedule.remove("p1");
        assertThat(runFor(Duration.ofSeconds(30), Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void noMoreThanTheAvailablePermitsAreHandedOut() {
        for (int i = 0; i < 100; i++) {
            schedule.put(probe("probe-" + i, 5));
        }
        clock.advance(Duration.ofSeconds(5));
        assertThat(schedule.pollDue(10)).hasSize(10);
        assertThat(schedule.pollDue(Integer.MAX_VALUE)).hasSize(90);
    }
}
