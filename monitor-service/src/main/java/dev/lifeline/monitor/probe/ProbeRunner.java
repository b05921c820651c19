package dev.lifeline.monitor.probe;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Fires due probes with at most {@code maxInFlight} running at once. A probe that hangs holds one permit until its
 * own timeout, no more; the others keep their schedule. Changes to the probe set are queued and applied by the one
 * scheduler thread, which owns the {@link ProbeSchedule}.
 */
public final class ProbeRunner implements AutoCloseable {

    private static final Duration MAX_SLEEP = Duration.ofMillis(100);

    private final ProbeSchedule schedule;
    private final ProbeExecutor executor;
    private final Consumer<ProbeResult> sink;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<Runnable> changes = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "probe-scheduler");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong completed = new AtomicLong();

    public ProbeRunner(ProbeSchedule schedule, ProbeExecutor executor, int maxInFlight, Consumer<ProbeResult> sink) {
        this.schedule = schedule;
        this.executor = executor;
        this.sink = sink;
        this.permits = new Semaphore(maxInFlight);
    }

    public void start() {
        ticker.schedule(this::tick, 0, TimeUnit.MILLISECONDS);
    }

    public void put(ProbeDefinition probe) {
        changes.add(() -> schedule.put(probe));
    }

    public void remove(String probeId) {
        changes.add(() -> schedule.remove(probeId));
    }

    public long completed() {
        return completed.get();
    }

    private void tick() {
        try {
            for (Runnable change; (change = changes.poll()) != null; ) {
                change.run();
            }
            int available = permits.availablePermits();
            List<ProbeDefinition> due = schedule.pollDue(available);
            for (ProbeDefinition probe : due) {
                permits.acquireUninterruptibly();
                executor.run(probe).whenComplete((result, error) -> {
                    permits.release();
                    completed.incrementAndGet();
                    if (result != null) {
                        deliver(result.withStaleAfter(ProbeResult.staleAfter(probe)));
                    }
                });
            }
        } catch (RuntimeException e) {
            // Keep ticking: a bug in one probe's bookkeeping must not stop all probing.
            Logger.getLogger(ProbeRunner.class)
                    .warnf("probe tick failed: %s", e.getClass().getName());
        } finally {
            if (!ticker.isShutdown()) {
                long sleep = schedule.untilNext(MAX_SLEEP).toMillis();
                ticker.schedule(this::tick, Math.max(sleep, 5), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void deliver(ProbeResult result) {
        try {
            sink.accept(result);
        } catch (RuntimeException e) {
            Logger.getLogger(ProbeRunner.class)
                    .warnf("probe result not recorded: %s", e.getClass().getName());
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
