package dev.lifeline.kit.inbox;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseOutageTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> recoveries = new ArrayList<>();
    /** A clock that moves only when the waiter sleeps, so that a long outage takes no time in the test. */
    private final AtomicLong now = new AtomicLong();

    private final DatabaseOutage.Waiting fake = new DatabaseOutage.Waiting() {
        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void sleep(Duration pause) {
            pauses.add(pause);
            now.addAndGet(pause.toNanos());
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }

        @Override
        public void recovered(String message) {
            recoveries.add(message);
        }
    };

    @Test
    void aConnectionFailureAnywhereInTheCauseChainIsAnOutage() {
        assertThat(DatabaseOutage.isCause(new IllegalStateException(new SQLException("refused", "08001"))))
                .isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLTransientConnectionException("pool"))))
                .isTrue();
        assertThat(DatabaseOutage.isCause(
                        new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
    }

    @Test
    void aDeadlockASerializationConflictOrFullResourcesAreWaitedOutToo() {
        assertThat(DatabaseOutage.isCause(new IllegalStateException(new SQLException("deadlock detected", "40P01"))))
                .isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("could not serialize access", "40001")))
                .isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("out of shared memory", "53200")))
                .isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("sorry, too many clients already", "53300")))
                .isTrue();
    }

    @Test
    void aWrongStatementOrAWrongRecordIsNot() {
        assertThat(DatabaseOutage.isCause(new SQLException("duplicate key", "23505")))
                .isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalArgumentException("not a uuid")))
                .isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("no state"))).isFalse();
    }

    @Test
    void workIsRetriedWithGrowingPausesUntilTheDatabaseIsBack() {
        AtomicInteger calls = new AtomicInteger();
        String result = DatabaseOutage.waitOut(
                waiter(),
                () -> {
                    if (calls.incrementAndGet() <= 6) {
                        throw new IllegalStateException(new SQLException("connection refused", "08001"));
                    }
                    return "claimed";
                },
                fake);

        assertThat(result).isEqualTo("claimed");
        assertThat(calls).hasValue(7);
        assertThat(pauses)
                .containsExactly(
                        Duration.ofMillis(200),
                        Duration.ofMillis(400),
                        Duration.ofMillis(800),
                        Duration.ofMillis(1600),
                        Duration.ofMillis(3200),
                        Duration.ofSeconds(5));
    }

    @Test
    void anOutageOfTenMinutesIsWaitedOutAndTheRecordIsNotGivenUp() {
        Duration outage = Duration.ofMinutes(10);
        String result = DatabaseOutage.waitOut(
                waiter(),
                () -> {
                    if (now.get() < outage.toNanos()) {
                        throw new IllegalStateException(
                                new SQLException("terminating connection due to administrator command", "57P01"));
                    }
                    return "projected";
                },
                fake);

        assertThat(result).isEqualTo("projected");
        assertThat(Duration.ofNanos(now.get())).isBetween(outage, outage.plusSeconds(5));
        assertThat(pauses).allSatisfy(pause -> assertThat(pause).isLessThanOrEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void aLongOutageIsOneWarningAMinuteNamingTheWaiterAndNeverTheRecord() {
        String waiter = waiter();
        DatabaseOutage.waitOut(
                waiter,
                () -> {
                    if (now.get() < Duration.ofSeconds(150).toNanos()) {
                        throw new IllegalStateException(
                                new SQLException("insert of ada@example.com failed: refused", "08006"));
                    }
                    return null;
                },
                fake);

        assertThat(warnings)
                .hasSize(3)
                .allSatisfy(warning -> assertThat(warning)
                        .startsWith(waiter + " is waiting for the database")
                        .doesNotContain("ada@example.com"));
        // Retries at 0 s, ..., 61.2 s, ..., 121.2 s, ..., 151.2 s, the last one succeeding.
        assertThat(warnings.get(2)).contains("away for 121 s");
        assertThat(recoveries).singleElement().asString().startsWith(waiter + ": the database is back after 151 s");
    }

    @Test
    void otherFailuresAreThrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> DatabaseOutage.waitOut(
                        waiter(),
                        () -> {
                            calls.incrementAndGet();
                            throw new IllegalArgumentException("poison");
                        },
                        fake))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(1);
        assertThat(pauses).isEmpty();
        assertThat(warnings).isEmpty();
    }

    /** Warnings are limited per waiter across threads and tests: each test waits under a name of its own. */
    private static String waiter() {
        return "Consumer" + UUID.randomUUID();
    }
}
