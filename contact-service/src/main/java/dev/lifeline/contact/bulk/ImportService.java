package dev.lifeline.contact.bulk;

import dev.lifeline.contact.contact.InvalidFieldException;
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

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "contact-import");
        t.setDaemon(true);
        return t;
    });

    public record Accepted(ImportJob job, boolean duplicate) {
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
            UUID jobId = UUID.nameUUIDFromBytes((tenantId + "|" + hash).getBytes(StandardCharsets.UTF_8));
            Optional<ImportJob> existing = QuarkusTransaction.requiringNew().call(() -> find(tenantId, jobId));
            if (existing.isPresent()) {
                return new Accepted(existing.get(), true);
            }
            long rows = UploadCheck.check(file);
            ImportJob job = QuarkusTransaction.requiringNew().call(() -> {
                ImportJob j = new ImportJob();
                j.id = jobId;
                j.tenantId = tenantId;
                j.contentHash = hash;
                j.state = "queued";
                j.rowsTotal = rows;
                j.createdAt = Instant.now();
                em.persist(j);
                return j;
            });
            keep = true;
            worker.submit(() -> run(job.id, tenantId, file));
            return new Accepted(job, false);
        } finally {
            if (!keep) {
                Files.deleteIfExists(file);
            }
        }
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

    private void run(UUID jobId, UUID tenantId, Path file) {
        try (CsvReader csv = UploadCheck.open(file)) {
            QuarkusTransaction.requiringNew().run(() -> update(jobId, "running", 0, 0, 0, 0, List.of()));
            ImportColumns columns = ImportColumns.of(csv.next());
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
                    importChunk(jobId, tenantId, chunk, unreadable);
                    chunk = new ArrayList<>(CHUNK);
                    unreadable = new ArrayList<>();
                }
            }
            importChunk(jobId, tenantId, chunk, unreadable);
            QuarkusTransaction.requiringNew().run(() -> update(jobId, "done", 0, 0, 0, 0, List.of()));
        } catch (Exception e) {
            LOG.errorf("Import job %s failed: %s", jobId, e.getClass().getName());
            QuarkusTransaction.requiringNew().run(() -> {
                em.createQuery("update ImportJob j set j.state = 'failed', j.error = ?2, j.finishedAt = ?3 where j.id = ?1")
                        .setParameter(1, jobId).setParameter(2, "internal error; rows reported as imported are stored")
                        .setParameter(3, Instant.now()).executeUpdate();
            });
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is cleaned by the OS
            }
        }
    }

    private void importChunk(UUID jobId, UUID tenantId, List<BulkUpserter.Row> rows, List<BulkUpserter.RowError> unreadable) {
        if (rows.isEmpty() && unreadable.isEmpty()) {
            return;
        }
        int read = rows.size() + unreadable.size();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                BulkUpserter.Result result = upserter.apply(tenantId, rows);
                List<BulkUpserter.RowError> errors = new ArrayList<>(unreadable);
                errors.addAll(result.errors());
                update(jobId, null, read, result.imported(), result.merged(), errors.size(), errors);
            });
        } catch (RuntimeException e) {
            // A concurrent change collided with this chunk (e.g. the same address created through the API):
            // retry it row by row so that one row cannot sink the others.
            for (BulkUpserter.Row row : rows) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        BulkUpserter.Result result = upserter.apply(tenantId, List.of(row));
                        update(jobId, null, 1, result.imported(), result.merged(), result.errors().size(), result.errors());
                    });
                } catch (RuntimeException rowFailure) {
                    QuarkusTransaction.requiringNew().run(() -> update(jobId, null, 1, 0, 0, 1,
                            List.of(new BulkUpserter.RowError(row.number(), "row", "could not be stored"))));
                }
            }
            if (!unreadable.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> update(jobId, null, unreadable.size(), 0, 0, unreadable.size(), unreadable));
            }
        }
        metrics.counter("lifeline_contact_import_rows").increment(read);
    }

    private void update(UUID jobId, String state, long read, long imported, long merged, long failed, List<BulkUpserter.RowError> errors) {
        em.createQuery("update ImportJob j set j.rowsRead = j.rowsRead + ?2, j.rowsImported = j.rowsImported + ?3, "
                        + "j.rowsMerged = j.rowsMerged + ?4, j.rowsFailed = j.rowsFailed + ?5, "
                        + "j.state = coalesce(?6, j.state), j.finishedAt = case when ?6 = 'done' then ?7 else j.finishedAt end "
                        + "where j.id = ?1")
                .setParameter(1, jobId).setParameter(2, read).setParameter(3, imported).setParameter(4, merged)
                .setParameter(5, failed).setParameter(6, state).setParameter(7, Instant.now()).executeUpdate();
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
