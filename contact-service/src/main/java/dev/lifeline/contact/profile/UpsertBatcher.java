package dev.lifeline.contact.profile;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for API creates. The profile of {@code POST /api/v1/contacts} showed the request threads idle in
 * database round trips, above all the commit (PostgreSQL flushes its WAL to disk on every commit) and the outbox
 * relay's own transaction that every commit wakes. Requests that arrive together are therefore applied by a few
 * workers in one transaction each: the same {@link ContactService#upsert} per request, in arrival order, so merge
 * rules, the ledger lines and the outbox events are exactly those of a request alone, and every request is answered
 * only after the transaction holding its change has committed. A request that fails (bad input, a conflict, a
 * unique-index race) rolls its batch back, and then every request of that batch runs alone, so one cannot sink
 * another.
 */
@ApplicationScoped
public class UpsertBatcher {

    /** Each worker holds one database connection while it applies a batch. */
    static final int WORKERS = 4;
    /** Bounds one transaction's length, and so the latency of the first request in it. */
    static final int MAX_BATCH = 32;

    @Inject
    ContactService contacts;

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    private record Pending(UUID tenantId, ContactInput input, ConsentPolicy.Consent consent, Context trace,
            CompletableFuture<ContactService.Upsert> answer) {

        ContactService.Upsert applyWith(ContactService contacts) {
            // The outbox row carries the request's trace, not the worker's.
            try (Scope ignored = trace.makeCurrent()) {
                return contacts.upsert(tenantId, input, consent);
            }
        }
    }

    @PostConstruct
    void start() {
        for (int i = 0; i < WORKERS; i++) {
            Thread worker = new Thread(this::work, "contact-upserts-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        workers.forEach(Thread::interrupt);
        for (Pending left; (left = queue.poll()) != null; ) {
            left.answer().completeExceptionally(new IllegalStateException("contact-service is stopping"));
        }
    }

    /** Same answer as {@link ContactService#upsert}, committed when it returns. */
    public ContactService.Upsert upsert(UUID tenantId, ContactInput input, ConsentPolicy.Consent consent) {
        Pending pending = new Pending(tenantId, input, consent, Context.current(), new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.answer().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the contact was being stored", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void work() {
        while (running) {
            List<Pending> batch = new ArrayList<>(MAX_BATCH);
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            try {
                apply(batch);
            } catch (Throwable e) {
                // Never leave a request waiting for an answer that will not come.
                batch.forEach(p -> p.answer().completeExceptionally(e));
            }
        }
    }

    private void apply(List<Pending> batch) {
        if (batch.size() > 1) {
            try {
                List<ContactService.Upsert> results = QuarkusTransaction.requiringNew()
                        .call(() -> batch.stream().map(p -> p.applyWith(contacts)).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).answer().complete(results.get(i));
                }
                return;
            } catch (RuntimeException e) {
                // Rolled back as a whole; each request below gets the answer it would have had alone.
            }
        }
        for (Pending pending : batch) {
            try {
                pending.answer().complete(UniqueRetry.once(() -> pending.applyWith(contacts)));
            } catch (RuntimeException e) {
                pending.answer().completeExceptionally(e);
            }
        }
    }
}
