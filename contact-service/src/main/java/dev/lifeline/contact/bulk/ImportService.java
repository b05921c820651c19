package dev.lifeline.contact.bulk;

import dev.lifeline.contact.config.ContactConfig;
import dev.lifeline.kit.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * CSV import: the upload is spooled to disk (flat memory whatever its size), checked as a whole, then imported in
 * chunks by the {@link ImportWorker}.
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

    @Inject
    ImportJobRepository jobs;

    @Inject
    ImportWorker worker;

    @Inject
    ContactConfig config;

    /** {@code duplicate}: the job already had this file and is live or done; otherwise it is new or resumed. */
    public record Accepted(ImportJob job, boolean duplicate) {}

    /** @param unknown what to do with columns that are no contact field; part of the job's identity, see jobId */
    public Accepted receive(UUID tenantId, InputStream body, ImportColumns.Unknown unknown) throws IOException {
        Path file = Files.createTempFile("contact-import-", ".csv");
        boolean keep = false;
        try {
            String hash = spool(body, file);
            String uploadKey = uploadKey(hash, unknown);
            UUID jobId = jobId(tenantId, uploadKey);
            Optional<ImportJob> existing = QuarkusTransaction.requiringNew().call(() -> find(tenantId, jobId));
            if (existing.isPresent()) {
                // Same content hash, so the file passed the check when the job was created: no need to read it twice.
                ImportJob seen = existing.get();
                Optional<UUID> runId = takeOver(seen);
                ImportJob current = QuarkusTransaction.requiringNew()
                        .call(() -> find(tenantId, jobId))
                        .orElseThrow();
                if (runId.isEmpty()) {
                    return new Accepted(current, true);
                }
                LOG.infof(
                        "Import job %s resumes after %d of %d rows (was %s)",
                        jobId, seen.rowsRead, seen.rowsTotal, seen.state);
                keep = true;
                worker.submit(new ImportRun(jobId, runId.get(), tenantId), file, seen.rowsRead, unknown);
                return new Accepted(current, false);
            }
            long rows = UploadCheck.check(file, unknown);
            UUID runId = UUID.randomUUID();
            ImportJob job;
            try {
                job = QuarkusTransaction.requiringNew()
                        .call(() -> jobs.create(tenantId, jobId, uploadKey, rows, runId));
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
            worker.submit(new ImportRun(jobId, runId, tenantId), file, 0, unknown);
            return new Accepted(job, false);
        } finally {
            if (!keep) {
                Files.deleteIfExists(file);
            }
        }
    }

    static UUID jobId(UUID tenantId, String uploadKey) {
        return UUID.nameUUIDFromBytes((tenantId + "|" + uploadKey).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What makes an upload the same job (stored as the job's {@code content_hash}, unique per tenant): the file's
     * SHA-256 and, unless it is the default, the choice for unknown columns, since the same file under another choice
     * imports other data. Under the default it is the hash alone, as before the choice existed, so older jobs still
     * resume.
     */
    static String uploadKey(String contentHash, ImportColumns.Unknown unknown) {
        return unknown == ImportColumns.Unknown.REFUSE
                ? contentHash
                : contentHash + "|unknown-columns=" + unknown.name().toLowerCase(Locale.ROOT);
    }

    /** An interrupted job ({@link StallRule}) goes to a new run; of two racing uploads at most one gets it. */
    private Optional<UUID> takeOver(ImportJob seen) {
        if (!new StallRule(config.importStallAfter()).resumable(seen.state, seen.updatedAt, Instant.now())) {
            return Optional.empty();
        }
        UUID runId = UUID.randomUUID();
        boolean taken = QuarkusTransaction.requiringNew().call(() -> jobs.takeOver(seen, runId));
        return taken ? Optional.of(runId) : Optional.empty();
    }

    public Optional<ImportJob> find(UUID tenantId, UUID jobId) {
        return jobs.findForTenant(tenantId, jobId);
    }

    public List<ImportRowError> errors(UUID jobId) {
        return jobs.errors(jobId);
    }

    private static String spool(InputStream body, Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(body, sha);
                OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static ProblemException notFound() {
        return ProblemException.notFound("Import job");
    }
}
