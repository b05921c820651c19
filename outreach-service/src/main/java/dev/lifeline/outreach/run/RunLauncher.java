package dev.lifeline.outreach.run;

import dev.lifeline.outreach.OutreachConfig;
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
 * them) and is woken at once when an outage event or a manual trigger created a run due now. The same loop sends
 * queued webhook calls, re-queues deliveries whose quiet hours are over and takes back expired claims.
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

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::loop, "outreach-run-launcher");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake.release();
    }

    public void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                while (running && dispatcher.dispatchNext()) {
                    // drain every due run before sleeping
                }
                webhooks.sendQueued();
                dispatcher.releaseDeferred();
                claims.sweepIfDue();
            } catch (RuntimeException e) {
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
