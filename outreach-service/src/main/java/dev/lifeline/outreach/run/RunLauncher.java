package dev.lifeline.outreach.run;

import dev.lifeline.outreach.config.OutreachConfig;
import dev.lifeline.outreach.delivery.ClaimSweeper;
import dev.lifeline.outreach.webhook.WebhookDispatch;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Starts runs when their grace period is over. Polls the table (so runs survive restarts and any instance may take
 * them) and is woken at once when an outage event or a manual trigger created a run due now. The same loop feeds
 * dispatched runs' slices to the work queue ({@link RunFeeder}), sends queued webhook calls, re-queues deliveries
 * whose quiet hours are over and takes back expired claims.
 */
@ApplicationScoped
public class RunLauncher {

    private static final Logger LOG = Logger.getLogger(RunLauncher.class);

    @Inject
    RunDispatcher dispatcher;

    @Inject
    OutreachConfig config;

    @Inject
    WebhookDispatch webhooks;

    @Inject
    ClaimSweeper claims;

    @Inject
    RunFeeder feeder;

    private final Semaphore wake = new Semaphore(0);
    private final Semaphore wakeDispatchers = new Semaphore(0);
    private volatile boolean running;

    void start(@Observes StartupEvent event) {
        running = true;
        Thread thread = new Thread(this::loop, "outreach-run-launcher");
        thread.setDaemon(true);
        thread.start();
        // More dispatchers: when a thousand campaigns are due at once (a storm), each waits on the database for most of
        // its dispatch, and one large audience must not hold up the small ones behind it.
        for (int i = 1; i < config.dispatchers(); i++) {
            Thread dispatcher = new Thread(this::dispatchLoop, "outreach-run-dispatcher-" + i);
            dispatcher.setDaemon(true);
            dispatcher.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake.release();
        wakeDispatchers.release(config.dispatchers());
    }

    public void wake() {
        wake.release();
        wakeDispatchers.release(config.dispatchers() - 1);
    }

    /** A delivery batch finished: the feeder may have room for the next slices of its run. */
    public void batchDone() {
        wake.release();
    }

    private void dispatchLoop() {
        while (running) {
            try {
                while (running && dispatcher.dispatchNext()) {
                    wake.release();
                }
            } catch (RuntimeException e) {
                LOG.warnf("Run dispatch failed, retrying: %s", e.getClass().getSimpleName());
            }
            try {
                wakeDispatchers.tryAcquire(config.launcherInterval().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void loop() {
        while (running) {
            try {
                while (running && dispatcher.dispatchNext()) {
                    feeder.feed();
                }
                feeder.feed();
                webhooks.sendQueued();
                dispatcher.releaseDeferred();
                claims.sweepIfDue();
            } catch (RuntimeException e) {
                claims.failed(e);
                LOG.warnf("Run dispatch failed, retrying: %s", e.getClass().getSimpleName());
            }
            try {
                wake.tryAcquire(config.launcherInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
