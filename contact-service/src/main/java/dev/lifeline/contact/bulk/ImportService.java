package dev.lifeline.contact.bulk;

import dev.lifeline.contact.input.InvalidFieldException;
import dev.lifeline.contact.optin.OptInConfig;
import dev.lifeline.kit.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * CSV import: the upload is spooled to disk (flat memory whatever its size), checked as a whole, then imported in
 * chunks by a background worker; each chunk, its events and the job's progress commit together.
 *
 * <p>Interrupted imports: every progress commit also touches the job's heartbeat ({@code updated_at}). A job that
 * failed, or is queued/running with a heartbeat older than {@code lifeline.contact.import-stall-after}
 * ({@link StallRule}), is resumed by the next upload of the same file: that upload takes the job over with one
 * conditional UPDATE (new {@code run_id}), skips the {@code rows_read} data rows already committed and imports the
 * rest under the same job id. Nothing happens at start-up: a job this service was importing when it was killed keeps
 * its last heartbeat, so it becomes resumable by the stall rule alone (its spooled file died with the process, so only
 * a re-upload can bring the remaining rows back), and an instance cannot tell its own dead jobs from another live
 * instance's anyway.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    static final int CHUNK = 500;
    static final int MAX_STORED_ERRORS = 1000;

    @Inject
    EntityManager em;
    @Inject
    BulkUpserter upserter;
    @Inject
    MeterRegistry metrics;
    @Inject
    OptInConfig config;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "contact-import");
        t.setDaemon(true);
        return t;
    });

    /** {@code duplicate}: the job already had this file and is live or done; otherwise it is new or resumed. */
    public record Accepted(ImportJob job, boolean duplicate) {
    }

    /** One worker's hold on a job: its commits count only while the job's {@code run_id} is still this one. */
    private record Run(UUID jobId, UUID runId, UUID tenantId) {
    }

    /** The job was taken over by a newer run (this one was presumed dead): stop, change nothing. */
    static final class LostJob extends RuntimeException {
        LostJob() {
            super("the import job was taken over by another run", null, false, false);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    public Accepted receive(UUID tenantId, InputStream body) throws IOException {
        Path file = Files.createTempFile("contact-import-", ".csv");
        boolean keep = false;
        try {
            String hash = spool(body, file);
            UUID jobId = jobId(tenantId, hash);
            Optional<ImportJob> existing = QuarkusTransaction.requiringNew().call(() -> find(tenantId, jobId));
            if (existing.isPresent()) {
                // Same content hash, so the file passed the check when the job was created: no need to read it twice.
                ImportJob seen = existing.get();
                Optional<UUID> runId = takeOver(seen);
                ImportJob current = QuarkusTransaction.requiringNew().call(() -> find(tenantId, jobId)).orElseThrow();
                if (runId.isEmpty()) {
                    return new Accepted(current, true);
                }
                LOG.infof("Import job %s resumes after %d of %d rows (was %s)", jobId, seen.rowsRead, seen.rowsTotal, seen.state);
                keep = true;
                worker.submit(() -> run(new Run(jobId, runId.get(), tenantId), file, seen.rowsRead));
                return new Accepted(current, false);
            }
            long rows = UploadCheck.check(file);
            UUID runId = UUID.randomUUID();
            ImportJob job;
            try {
                job = create(tenantId, jobId, hash, rows, runId);
            } catch (RuntimeException e) {
                // The same file uploaded twice at once: the other upload created the job first (the job id is the
                // content hash), and that job is this upload's answer.
                Optional<ImportJob> raced = QuarkusTransaction.requiringNew().call(() -> find(tenantId, jobId));
                if (raced.isEmpty()) {
                    throw e;
                }
                return new Accepted(raced.get(), true);
            }
            keep = true;
            worker.submit(() -> run(new Run(jobId, runId, tenantId), file, 0));
            return new Accepted(job, false);
        } finally {
            if (!keep) {
                Files.deleteIfExists(file);
            }
        }
    }

    private ImportJob create(UUID tenantId, UUID jobId, String hash, long rows, UUID runId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob j = new ImportJob();
            j.id = jobId;
            j.tenantId = tenantId;
            j.contentHash = hash;
            j.state = "queued";
            j.rowsTotal = rows;
            j.createdAt = now();
            j.updatedAt = j.createdAt;
            j.runId = runId;
            em.persist(j);
            return j;
        });
    }

    static UUID jobId(UUID tenantId, String contentHash) {
        return UUID.nameUUIDFromBytes((tenantId + "|" + contentHash).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Takes an interrupted job over for a new run. The UPDATE only matches the job exactly as it was seen (state,
     * heartbeat, progress, owner), so of two uploads or two instances racing for it at most one wins, and a worker
     * that was merely slow and committed meanwhile keeps its job.
     */
    private Optional<UUID> takeOver(ImportJob seen) {
        if (!new StallRule(config.importStallAfter()).resumable(seen.state, seen.updatedAt, Instant.now())) {
            return Optional.empty();
        }
        UUID runId = UUID.randomUUID();
        int taken = QuarkusTransaction.requiringNew().call(() -> em.createQuery("update ImportJob j set j.state = 'queued', "
                        + "j.runId = ?1, j.updatedAt = ?2, j.error = null, j.finishedAt = null "
                        + "where j.id = ?3 and j.runId = ?4 and j.state = ?5 and j.updatedAt = ?6 and j.rowsRead = ?7")
                .setParameter(1, runId).setParameter(2, now()).setParameter(3, seen.id).setParameter(4, seen.runId)
                .setParameter(5, seen.state).setParameter(6, seen.updatedAt).setParameter(7, seen.rowsRead)
                .executeUpdate());
        return taken == 1 ? Optional.of(runId) : Optional.empty();
    }

    public Optional<ImportJob> find(UUID tenantId, UUID jobId) {
        if (jobId == null) {
            return Optional.empty();
        }
        return em.createQuery("from ImportJob j where j.tenantId = ?1 and j.id = ?2", ImportJob.class)
                .setParameter(1, tenantId).setParameter(2, jobId).getResultStream().findFirst();
    }

    public List<ImportRowError> errors(UUID jobId) {
        return em.createQuery("from ImportRowError e where e.jobId = ?1 order by e.rowNumber", ImportRowError.class)
                .setParameter(1, jobId).setMaxResults(MAX_STORED_ERRORS).getResultList();
    }

    /** Imports the file's data rows after the first {@code skip} (those a previous run committed). */
    private void run(Run run, Path file, long skip) {
        try (CsvReader csv = UploadCheck.open(file)) {
            QuarkusTransaction.requiringNew().run(() -> update(run, "running", 0, 0, 0, 0, List.of()));
            ImportColumns columns = ImportColumns.of(csv.next());
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
            QuarkusTransaction.requiringNew().run(() -> update(run, "done", 0, 0, 0, 0, List.of()));
        } catch (Exception e) {
            if (lost(e)) {
                LOG.infof("Import job %s was taken over by another run; this one stops", run.jobId());
                return;
            }
            LOG.errorf("Import job %s failed: %s", run.jobId(), e.getClass().getName());
            QuarkusTransaction.requiringNew().run(() -> {
                em.createQuery("update ImportJob j set j.state = 'failed', j.error = ?2, j.finishedAt = ?3, j.updatedAt = ?3 "
                                + "where j.id = ?1 and j.runId = ?4")
                        .setParameter(1, run.jobId())
                        .setParameter(2, "internal error; rows reported as imported are stored; upload the file again to resume")
                        .setParameter(3, now()).setParameter(4, run.runId()).executeUpdate();
            });
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is cleaned by the OS
            }
        }
    }

    private void importChunk(Run run, List<BulkUpserter.Row> rows, List<BulkUpserter.RowError> unreadable) {
        if (rows.isEmpty() && unreadable.isEmpty()) {
            return;
        }
        int read = rows.size() + unreadable.size();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                BulkUpserter.Result result = upserter.apply(run.tenantId(), rows);
                List<BulkUpserter.RowError> errors = new ArrayList<>(unreadable);
                errors.addAll(result.errors());
                update(run, null, read, result.imported(), result.merged(), errors.size(), errors);
            });
        } catch (RuntimeException e) {
            if (lost(e)) {
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
                        update(run, null, 1, result.imported(), result.merged(), result.errors().size(), result.errors());
                    });
                } catch (RuntimeException rowFailure) {
                    if (lost(rowFailure)) {
                        throw rowFailure;
                    }
                    QuarkusTransaction.requiringNew().run(() -> update(run, null, 1, 0, 0, 1,
                            List.of(new BulkUpserter.RowError(row.number(), "row", "could not be stored"))));
                }
            }
            unreadable(run, List.copyOf(pending));
        }
        metrics.counter("lifeline_contact_import_rows").increment(read);
    }

    private void unreadable(Run run, List<BulkUpserter.RowError> errors) {
        if (!errors.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> update(run, null, errors.size(), 0, 0, errors.size(), errors));
        }
    }

    /**
     * Adds progress (and the heartbeat) in the caller's transaction; throws {@link LostJob}, rolling it back, when the
     * job no longer belongs to this run.
     */
    private void update(Run run, String state, long read, long imported, long merged, long failed, List<BulkUpserter.RowError> errors) {
        int updated = em.createQuery("update ImportJob j set j.rowsRead = j.rowsRead + ?2, j.rowsImported = j.rowsImported + ?3, "
                        + "j.rowsMerged = j.rowsMerged + ?4, j.rowsFailed = j.rowsFailed + ?5, "
                        + "j.state = coalesce(?6, j.state), j.finishedAt = case when ?6 = 'done' then ?7 else j.finishedAt end, "
                        + "j.updatedAt = ?7 where j.id = ?1 and j.runId = ?8")
                .setParameter(1, run.jobId()).setParameter(2, read).setParameter(3, imported).setParameter(4, merged)
                .setParameter(5, failed).setParameter(6, state).setParameter(7, now()).setParameter(8, run.runId())
                .executeUpdate();
        if (updated == 0) {
            throw new LostJob();
        }
        UUID jobId = run.jobId();
        Long stored = em.createQuery("select count(e) from ImportRowError e where e.jobId = ?1", Long.class)
                .setParameter(1, jobId).getSingleResult();
        for (BulkUpserter.RowError error : errors) {
            if (stored++ >= MAX_STORED_ERRORS) {
                break;
            }
            ImportRowError row = new ImportRowError();
            row.jobId = jobId;
            row.rowNumber = error.row();
            row.field = error.field();
            row.message = error.message();
            em.merge(row);
        }
    }

    private static boolean lost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LostJob) {
                return true;
            }
        }
        return false;
    }

    /** Heartbeats at the database's precision, so that a job read back compares equal to what was written. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String spool(InputStream body, Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(body, sha); OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static ProblemException notFound() {
        return ProblemException.notFound("Import job");
    }
}
