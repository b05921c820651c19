package dev.lifeline.outreach.delivery;

import dev.lifeline.kit.inbox.DatabaseOutage;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records delivery outcomes (sent / failed / bounced / cancelled) in batches: whatever outcomes are waiting when the
 * previous write finishes go to the ledger in one statement and one commit. The returned stage completes when the
 * outcome is committed, and the delivery job is acknowledged only then. A crash before that leaves the row in
 * {@code sending} until its claim lease runs out and {@link ClaimSweeper} queues it again; an outcome applies only
 * while the row's claim is still the sender's token, so a sender that lost its claim cannot overwrite a newer one.
 */
@ApplicationScoped
public class OutcomeWriter {

    private static final Logger LOG = Logger.getLogger(OutcomeWriter.class);
    private static final int MAX_BATCH = 1000;

    private record Pending(
            UUID runId,
            String contactId,
            String channel,
            UUID token,
            String state,
            String providerMessageId,
            String error,
            CompletableFuture<Void> done) {}

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry metrics;

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread flusher;

    void start(@Observes StartupEvent event) {
        running = true;
        flusher = new Thread(this::loop, "outreach-outcomes");
        flusher.setDaemon(true);
        flusher.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (flusher != null) {
            flusher.interrupt();
            try {
                flusher.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        drainAndWrite();
    }

    public CompletionStage<Void> finish(
            UUID runId,
            String contactId,
            String channel,
            UUID token,
            String state,
            String providerMessageId,
            String error) {
        Pending p = new Pending(
                runId, contactId, channel, token, state, providerMessageId, error, new CompletableFuture<>());
        queue.add(p);
        if (!running) {
            drainAndWrite();
        }
        return p.done;
    }

    private void loop() {
        while (running) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Pending> batch = new ArrayList<>();
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warnf("Outcome writer: %s", e.getClass().getSimpleName());
            }
        }
    }

    private synchronized void drainAndWrite() {
        List<Pending> batch = new ArrayList<>();
        while (queue.drainTo(batch, MAX_BATCH) > 0) {
            write(batch);
            batch = new ArrayList<>();
        }
    }

    private void write(List<Pending> batch) {
        try {
            // The mails are out: losing their outcomes to a database restart would leave the rows in "sending", and
            // the sweeper would send them a second time after the lease. So the batch waits for the database.
            int applied = DatabaseOutage.waitOut(OutcomeWriter.class, () -> update(batch));
            if (applied < batch.size()) {
                // The claim was taken back after its lease (the outcome came too late), or the contact was erased.
                metrics.counter("lifeline_outreach_outcomes_not_applied_total").increment(batch.size() - applied);
            }
            batch.forEach(p -> p.done.complete(null));
        } catch (RuntimeException e) {
            IllegalStateException failure = new IllegalStateException("recording outcomes failed", e);
            batch.forEach(p -> p.done.completeExceptionally(failure));
        }
    }

    private int update(List<Pending> batch) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                update delivery d set state = v.state, provider_message_id = coalesce(v.pid, d.provider_message_id),
                    last_error = v.err, updated_at = now()
                from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    as v(run_id, token, contact_id, channel, state, pid, err)
                where d.run_id = v.run_id and d.contact_id = v.contact_id and d.channel = v.channel
                  and d.state = 'sending' and d.claim_token = v.token
                """)) {
            int n = batch.size();
            UUID[] runs = new UUID[n];
            UUID[] tokens = new UUID[n];
            String[][] cols = new String[5][n];
            for (int i = 0; i < n; i++) {
                Pending p = batch.get(i);
                runs[i] = p.runId;
                tokens[i] = p.token;
                cols[0][i] = p.contactId;
                cols[1][i] = p.channel;
                cols[2][i] = p.state;
                cols[3][i] = p.providerMessageId;
                cols[4][i] = p.error;
            }
            ps.setArray(1, c.createArrayOf("uuid", runs));
            ps.setArray(2, c.createArrayOf("uuid", tokens));
            for (int k = 0; k < 5; k++) {
                ps.setArray(k + 3, c.createArrayOf("text", cols[k]));
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("recording outcomes failed", e);
        }
    }
}
