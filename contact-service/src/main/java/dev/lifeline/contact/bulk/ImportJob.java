package dev.lifeline.contact.bulk;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One CSV upload. Its id derives from tenant and file hash: uploading the same file again finds this job, and resumes
 * it when it was interrupted ({@link StallRule}).
 */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public UUID tenantId;

    @Column(name = "content_hash")
    public String contentHash;

    public String state;

    @Column(name = "rows_total")
    public long rowsTotal;

    @Column(name = "rows_read")
    public long rowsRead;

    @Column(name = "rows_imported")
    public long rowsImported;

    @Column(name = "rows_merged")
    public long rowsMerged;

    @Column(name = "rows_failed")
    public long rowsFailed;

    public String error;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
    /** Heartbeat: set when the job is created, started or taken over, and with every chunk's progress. */
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** The worker run that owns the job; a resume gives it a new one, which fences off any older worker. */
    @Column(name = "run_id")
    public UUID runId;
}
