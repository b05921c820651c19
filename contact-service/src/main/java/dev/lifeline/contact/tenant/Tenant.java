package dev.lifeline.contact.tenant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A business using Lifeline. Its default region decides how local phone numbers are read. Not second-level cached:
 * the business changes its settings itself now, and a per-instance cache would let another replica go on recording
 * the old consent text (or serving a deleted tenant); a primary-key read per request is the price.
 */
@Entity
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {

    @Id
    public UUID id;

    public String slug;
    public String name;

    @Column(name = "default_region")
    public String defaultRegion;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "opt_in_mode")
    public String optInMode;
    /** Comma-separated origins allowed to post the embedded form from the browser. */
    @Column(name = "cors_origins")
    public String corsOrigins = "";

    @Column(name = "consent_text_email")
    public String consentTextEmail;

    @Column(name = "consent_text_sms")
    public String consentTextSms;
    /** Grows whenever a consent text changes, so the ledger can say which wording a person agreed to. */
    @Column(name = "consent_version")
    public int consentVersion = 1;

    public long version = 1;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Tenant bySlug(String slug) {
        return find("slug", slug).firstResult();
    }

    public boolean doubleOptIn() {
        return "double".equals(optInMode);
    }

    public List<String> corsOriginList() {
        return corsOrigins == null || corsOrigins.isBlank()
                ? List.of()
                : Arrays.stream(corsOrigins.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
