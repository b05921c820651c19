package dev.lifeline.contact.bulk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** A row of an import that was not imported, with why. Row numbers count the header as row 1, like a spreadsheet. */
@Entity
@Table(name = "import_row_error")
@IdClass(ImportRowError.Key.class)
public class ImportRowError {

    public record Key(UUID jobId, long rowNumber, String message) implements Serializable {
        public Key() {
            this(null, 0, null);
        }
    }

    @Id
    @Column(name = "job_id")
    public UUID jobId;

    @Id
    @Column(name = "row_number")
    public long rowNumber;

    public String field;

    @Id
    public String message;
}
