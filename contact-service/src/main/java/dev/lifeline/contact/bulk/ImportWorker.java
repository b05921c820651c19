package dev.lifeline.contact.bulk;

import dev.lifeline.contact.input.InvalidFieldException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Imports a spooled file in the background, one chunk per transaction: the chunk's contacts, ledger lines and
 * contacts.v1 events and the job's progress commit together, so {@code rows_read} always counts exactly the rows in.
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);
    static final int CHUNK = 500;

    @Inject
    BulkUpserter upserter;

    @Inject
    ImportJobRepository jobs;

    @Inject
    MeterRegistry metrics;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "contact-import");
        t.setDaemon(true);
        return t;
    });

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Imports the file's data rows after the first {@code skip} (those a previous run committed), then deletes it. */
    void submit(ImportRun run, Path file, long skip, ImportColumns.Unknown unknown) {
        worker.submit(() -> run(run, file, skip, unknown));
    }

    private void run(ImportRun run, Path file, long skip, ImportColumns.Unknown unknown) {
        try (CsvReader csv = UploadCheck.open(file)) {
            QuarkusTransaction.requiringNew().run(() -> jobs.addProgress(run, "running", 0, 0, 0, List.of()));
            ImportColumns columns = ImportColumns.of(csv.next(), unknown);
            // rows_read committed with the rows it counts, so exactly these are in; row numbers stay the file's.
            long skipped = 0;
            while (skipped < skip && csv.next() != null) {
                skipped++;
            }
            List<BulkUpserter.Row> chunk = new ArrayList<>(CHUNK);
            List<BulkUpserter.RowError> unreadable = new ArrayList<>();
            List<String> record;
            while ((record = csv.next()) != null) {
                try {
                    chunk.add(new BulkUpserter.Row(csv.row(), columns.toInput(record)));
                } catch (InvalidFieldException e) {
                    unreadable.add(new BulkUpserter.RowError(csv.row(), e.field(), e.getMessage()));
                }
                if (chunk.size() + unreadable.size() >= CHUNK) {
                    importChunk(run, chunk, unreadable);
                    chunk = new ArrayList<>(CHUNK);
                    unreadable = new ArrayList<>();
                }
            }
            importChunk(run, chunk, unreadable);
            QuarkusTransaction.requiringNew().run(() -> jobs.addProgress(run, "done", 0, 0, 0, List.of()));
        } catch (Exception e) {
            if (ImportRun.lost(e)) {
                LOG.infof("Import job %s was taken over by another run; this one stops", run.jobId());
                return;
            }
            LOG.errorf("Import job %s failed: %s", run.jobId(), e.getClass().getName());
            QuarkusTransaction.requiringNew()
                    .run(() -> jobs.fail(
                            run,
                            "internal error; rows reported as imported are stored; upload the file again to resume"));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is cleaned by the OS
            }
        }
    }

    private void importChunk(ImportRun run, List<BulkUpserter.Row> rows, List<BulkUpserter.RowError> unreadable) {
        if (rows.isEmpty() && unreadable.isEmpty()) {
            return;
        }
        int read = rows.size() + unreadable.size();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                BulkUpserter.Result result = upserter.apply(run.tenantId(), rows);
                List<BulkUpserter.RowError> errors = new ArrayList<>(unreadable);
                errors.addAll(result.errors());
                jobs.addProgress(run, null, read, result.imported(), result.merged(), errors);
            });
        } catch (RuntimeException e) {
            if (ImportRun.lost(e)) {
                throw e;
            }
            // A concurrent change collided with this chunk (e.g. the same address created through the API):
            // retry it row by row so that one row cannot sink the others. Commits follow the file's order, so that
            // rows_read always counts a prefix of the file and a resume can skip exactly that prefix.
            ArrayDeque<BulkUpserter.RowError> pending = new ArrayDeque<>(unreadable);
            for (BulkUpserter.Row row : rows) {
                List<BulkUpserter.RowError> before = new ArrayList<>();
                while (!pending.isEmpty() && pending.peek().row() < row.number()) {
                    before.add(pending.poll());
                }
                unreadable(run, before);
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        BulkUpserter.Result result = upserter.apply(run.tenantId(), List.of(row));
                        jobs.addProgress(run, null, 1, result.imported(), result.merged(), result.errors());
                    });
                } catch (RuntimeException rowFailure) {
                    if (ImportRun.lost(rowFailure)) {
                        throw rowFailure;
                    }
                    QuarkusTransaction.requiringNew()
                            .run(() -> jobs.addProgress(
                                    run,
                                    null,
                                    1,
                                    0,
                                    0,
                                    List.of(new BulkUpserter.RowError(row.number(), "row", "could not be stored"))));
                }
            }
            unreadable(run, List.copyOf(pending));
        }
        metrics.counter("lifeline_contact_import_rows").increment(read);
    }

    private void unreadable(ImportRun run, List<BulkUpserter.RowError> errors) {
        if (!errors.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> jobs.addProgress(run, null, errors.size(), 0, 0, errors));
        }
    }
}
