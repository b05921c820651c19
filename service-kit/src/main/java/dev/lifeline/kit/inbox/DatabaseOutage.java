package dev.lifeline.kit.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Tells a database that is away (restarting, failing over, unreachable) from a record that is wrong, and waits the
 * former out. A record that failed only because PostgreSQL was away is not poison: sending it to the dead-letter topic
 * would lose a contact, a withdrawal or a customer's message, so consumers retry it in place until the database is
 * back. Holding the consumer's thread is the back-pressure: no further records are taken meanwhile.
 */
public final class DatabaseOutage {

    /** SQLState classes of a connection that failed or an operator/administrator shutdown. */
    private static final String CONNECTION_EXCEPTION = "08";
    private static final String OPERATOR_INTERVENTION = "57";
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    public interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    /**
     * How long a consumer waits for the database before it gives the record up to the dead-letter topic: below the
     * Kafka connector's 60 s limit for an unacknowledged record, past which it would mark the channel unhealthy.
     */
    public static final Duration CONSUMER_PATIENCE = Duration.ofSeconds(40);

    private DatabaseOutage() {
    }

    /** {@link #waitOut} with {@link #CONSUMER_PATIENCE}, sleeping the calling thread. */
    public static void waitOut(Runnable work) {
        waitOut(() -> {
            work.run();
            return null;
        });
    }

    /** {@link #waitOut} with {@link #CONSUMER_PATIENCE}, sleeping the calling thread. */
    public static <T> T waitOut(Supplier<T> work) {
        return waitOut(work, CONSUMER_PATIENCE, pause -> Thread.sleep(pause.toMillis()));
    }

    /** Whether anything in the cause chain says the database could not be reached or went away mid-statement. */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION) || sql.getSQLState().startsWith(OPERATOR_INTERVENTION))) {
                return true;
            }
            // Agroal reports an exhausted wait for a connection, Hibernate a failed JDBC connection, by class name only.
            String name = t.getClass().getName();
            if (name.endsWith("JDBCConnectionException") || name.endsWith("AcquisitionTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code work}, again and again with growing pauses while it fails because of the database, for at most
     * {@code patience}; any other failure, or the last one after that, is thrown.
     */
    public static <T> T waitOut(Supplier<T> work, Duration patience, Sleeper sleeper) {
        long deadline = System.nanoTime() + patience.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isCause(e) || System.nanoTime() + pause.toNanos() > deadline) {
                    throw e;
                }
            }
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the database", e);
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }
}
