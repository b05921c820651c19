package dev.lifeline.kit.inbox;

import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Tells a database that is away (restarting, failing over, unreachable) from a record that is wrong, and waits the
 * former out, for as long as it lasts. A record that failed only because PostgreSQL was away is not poison: sending it
 * to the dead-letter topic would lose a contact, a withdrawal, an outage or a customer's message, and no patience,
 * however long, makes that right, because a database outage is never the record's fault. So consumers retry it in
 * place until the database is back.
 * <p>
 * Holding the consumer's worker thread is the back-pressure: the Kafka connector stops polling for more once its
 * queue is full (it pauses the partitions and goes on polling, so the consumer stays in its group), and its
 * unprocessed-record check, which would otherwise report the channel dead after 60 s, is off for every channel (the
 * kit's {@code META-INF/microprofile-config.properties}). Readiness goes down meanwhile (the datasource check);
 * liveness stays up, so nothing restarts a service that is only waiting.
 */
public final class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);

    /**
     * SQLState classes that say nothing about the statement or the record, only that PostgreSQL could not serve it
     * right now: a connection that failed, an operator/administrator shutdown, a transaction rolled back to break a
     * deadlock or a serialization conflict (retrying is what PostgreSQL asks for), and insufficient resources (out
     * of memory, lock table or connection slots full, disk full). Dead-lettering a record for any of these would lose
     * it for no fault of its own; under load, a deadlock between two delivery batches once did (CaptureLoadTest).
     */
    private static final List<String> TRANSIENT_CLASSES = List.of("08", "57", "40", "53");

    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);
    /** A long outage is one line a minute per waiter, not one per retry, and never more than one per waiter. */
    static final Duration WARN_EVERY = Duration.ofMinutes(1);

    /** When each waiter (named by its class) last warned: many threads of one consumer still warn once a minute. */
    private static final Map<String, Long> LAST_WARNED = new ConcurrentHashMap<>();

    /** The clock, the sleep and the log of a wait: the calling thread's and the service log, or a test's. */
    interface Waiting {
        long nanoTime();

        void sleep(Duration pause) throws InterruptedException;

        void warn(String message);

        void recovered(String message);
    }

    private static final Waiting THIS_THREAD = new Waiting() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration pause) throws InterruptedException {
            Thread.sleep(pause.toMillis());
        }

        @Override
        public void warn(String message) {
            LOG.warn(message);
        }

        @Override
        public void recovered(String message) {
            LOG.info(message);
        }
    };

    private DatabaseOutage() {}

    /** {@link #waitOut(Class, Supplier)} for work without a result. */
    public static void waitOut(Class<?> waiter, Runnable work) {
        waitOut(waiter, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work}, again and again with growing pauses (up to 5 s) for as long as it fails because of the
     * database; any other failure is thrown at once. {@code waiter} names who waits in the log (never the record).
     */
    public static <T> T waitOut(Class<?> waiter, Supplier<T> work) {
        return waitOut(waiter.getSimpleName(), work, THIS_THREAD);
    }

    /** Whether anything in the cause chain says the database could not serve the work right now (see above). */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && TRANSIENT_CLASSES.stream().anyMatch(sql.getSQLState()::startsWith)) {
                return true;
            }
            // Agroal reports an exhausted wait for a connection, Hibernate a failed JDBC connection, by class name
            // only.
            String name = t.getClass().getName();
            if (name.endsWith("JDBCConnectionException") || name.endsWith("AcquisitionTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    static <T> T waitOut(String waiter, Supplier<T> work, Waiting waiting) {
        Duration pause = FIRST_PAUSE;
        long awaySince = 0;
        boolean away = false;
        boolean warned = false;
        while (true) {
            try {
                T result = work.get();
                if (warned) {
                    waiting.recovered(String.format(
                            "%s: the database is back after %d s; going on",
                            waiter,
                            Duration.ofNanos(waiting.nanoTime() - awaySince).toSeconds()));
                }
                return result;
            } catch (RuntimeException e) {
                if (!isCause(e)) {
                    throw e;
                }
                long now = waiting.nanoTime();
                if (!away) {
                    away = true;
                    awaySince = now;
                }
                if (dueToWarn(waiter, now)) {
                    warned = true;
                    // The exception's class only: a driver's message can quote the statement's values.
                    waiting.warn(String.format(
                            "%s is waiting for the database, away for %d s (%s): it holds what it "
                                    + "is doing and retries until the database is back",
                            waiter,
                            Duration.ofNanos(now - awaySince).toSeconds(),
                            e.getClass().getSimpleName()));
                }
            }
            try {
                waiting.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the database", e);
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private static boolean dueToWarn(String waiter, long now) {
        boolean[] due = {false};
        LAST_WARNED.compute(waiter, (name, last) -> {
            if (last == null || now - last >= WARN_EVERY.toNanos()) {
                due[0] = true;
                return now;
            }
            return last;
        });
        return due[0];
    }
}
