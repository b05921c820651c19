package dev.lifeline.kit.inbox;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseOutageTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final DatabaseOutage.Sleeper recordPauses = pauses::add;

    @Test
    void aConnectionFailureAnywhereInTheCauseChainIsAnOutage() {
        assertThat(DatabaseOutage.isCause(new IllegalStateException(new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLTransientConnectionException("pool")))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
    }

    @Test
    void aWrongStatementOrAWrongRecordIsNot() {
        assertThat(DatabaseOutage.isCause(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalArgumentException("not a uuid"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("no state"))).isFalse();
    }

    @Test
    void workIsRetriedWithGrowingPausesUntilTheDatabaseIsBack() {
        AtomicInteger calls = new AtomicInteger();
        String result = DatabaseOutage.waitOut(() -> {
            if (calls.incrementAndGet() <= 6) {
                throw new IllegalStateException(new SQLException("connection refused", "08001"));
            }
            return "claimed";
        }, Duration.ofMinutes(5), recordPauses);

        assertThat(result).isEqualTo("claimed");
        assertThat(calls).hasValue(7);
        assertThat(pauses).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofMillis(1600), Duration.ofMillis(3200), Duration.ofSeconds(5));
    }

    @Test
    void otherFailuresAreThrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> DatabaseOutage.waitOut(() -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("poison");
        }, Duration.ofMinutes(5), recordPauses)).isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void anOutageLongerThanThePatienceIsThrown() {
        assertThatThrownBy(() -> DatabaseOutage.waitOut(() -> {
            throw new IllegalStateException(new SQLException("refused", "08001"));
        }, Duration.ZERO, recordPauses)).hasRootCauseInstanceOf(SQLException.class);
    }
}
