package dev.lifeline.contact.bulk;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Import jobs, their progress and their row errors. Progress is a conditional UPDATE on the job's {@code run_id}, so
 * a run that lost its job (see {@link ImportService}) can commit nothing more.
 */
@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    static final int MAX_STORED_ERRORS = 1000;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    ImportJob create(UUID tenantId, UUID jobId, String hash, long rows, UUID runId) {
        ImportJob job = new ImportJob();
        job.id = jobId;
        job.tenantId = tenantId;
        job.contentHash = hash;
        job.state = "queued";
        job.rowsTotal = rows;
        job.createdAt = now();
        job.updatedAt = job.createdAt;
        job.runId = runId;
        persist(job);
        return job;
    }

    /** Tenant-scoped: another tenant's job is not found. */
    public Optional<ImportJob> findForTenant(UUID tenantId, UUID jobId) {
        if (jobId == null) {
            return Optional.empty();
        }
        return find(
                        "tenantId = :tenant and id = :id",
                        Parameters.with("tenant", tenantId).and("id", jobId))
                .singleResultOptional();
    }

    public List<ImportRowError> errors(UUID jobId) {
        return em.createQuery("from ImportRowError e where e.jobId = :job order by e.rowNumber", ImportRowError.class)
                .setParameter("job", jobId)
                .setMaxResults(MAX_STORED_ERRORS)
                .getResultList();
    }

    /**
     * Gives the job to a new run. The UPDATE only matches the job exactly as it was seen (state, heartbeat, progress,
     * owner), so of two uploads or two instances racing for it at most one wins.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean takeOver(ImportJob seen, UUID runId) {
        return update(
                        "state = 'queued', runId = :run, updatedAt = :now, error = null, finishedAt = null "
                                + "where id = :id and runId = :seenRun and state = :seenState and updatedAt = :seenAt and rowsRead = :seenRead",
                        Parameters.with("run", runId)
                                .and("now", now())
                                .and("id", seen.id)
                                .and("seenRun", seen.runId)
                                .and("seenState", seen.state)
                                .and("seenAt", seen.updatedAt)
                                .and("seenRead", seen.rowsRead))
                == 1;
    }

    /**
     * Adds progress (and the heartbeat) in the caller's transaction; throws {@link ImportRun.Lost}, rolling it back,
     * when the job no longer belongs to this run.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void addProgress(
            ImportRun run, String state, long read, long imported, long merged, List<BulkUpserter.RowError> errors) {
        int updated = update(
                "rowsRead = rowsRead + :read, rowsImported = rowsImported + :imported, "
                        + "rowsMerged = rowsMerged + :merged, rowsFailed = rowsFailed + :failed, "
                        + "state = coalesce(:state, state), finishedAt = case when :state = 'done' then :now else finishedAt end, "
                        + "updatedAt = :now where id = :id and runId = :run",
                Parameters.with("read", read)
                        .and("imported", imported)
                        .and("merged", merged)
                        .and("failed", (long) errors.size())
                        .and("state", state)
                        .and("now", now())
                        .and("id", run.jobId())
                        .and("run", run.runId()));
        if (updated == 0) {
            throw new ImportRun.Lost();
        }
        if (errors.isEmpty()) {
            return;
        }
        long stored = em.createQuery("select count(e) from ImportRowError e where e.jobId = :job", Long.class)
                .setParameter("job", run.jobId())
                .getSingleResult();
        for (BulkUpserter.RowError error : errors) {
            if (stored++ >= MAX_STORED_ERRORS) {
                break;
            }
            ImportRowError row = new ImportRowError();
            row.jobId = run.jobId();
            row.rowNumber = error.row();
            row.field = error.field();
            row.message = error.message();
            em.merge(row);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void fail(ImportRun run, String error) {
        update(
                "state = 'failed', error = :error, finishedAt = :now, updatedAt = :now where id = :id and runId = :run",
                Parameters.with("error", error)
                        .and("now", now())
                        .and("id", run.jobId())
                        .and("run", run.runId()));
    }

    /** Heartbeats at the database's precision, so that a job read back compares equal to what was written. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
