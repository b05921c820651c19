package dev.lifeline.contact.bulk;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One CSV upload. Its id derives from tenant and file hash: uploading the same file again finds this job. */
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
}
