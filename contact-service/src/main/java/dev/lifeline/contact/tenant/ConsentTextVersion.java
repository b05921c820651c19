package dev.lifeline.contact.tenant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One wording of a tenant's consent texts. Ledger lines name it as {@code tenant-v<version>}; this row says what that
 * version read, after the tenant has long changed it. Rows are only ever added.
 */
@Entity
@IdClass(ConsentTextVersion.Key.class)
@Table(name = "consent_text_version")
public class ConsentTextVersion extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;

    @Id
    public int version;

    @Column(name = "email_text")
    public String emailText;

    @Column(name = "sms_text")
    public String smsText;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The composite key (tenant, version). */
    public static class Key implements Serializable {
        public UUID tenantId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && Objects.equals(k.tenantId, tenantId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, version);
        }
    }

    /** Records the tenant's current texts under its current consent version. */
    static void record(Tenant tenant, Instant at) {
        ConsentTextVersion v = new ConsentTextVersion();
        v.tenantId = tenant.id;
        v.version = tenant.consentVersion;
        v.emailText = tenant.consentTextEmail;
        v.smsText = tenant.consentTextSms;
        v.createdAt = at;
        v.persist();
    }

    static List<ConsentTextVersion> of(UUID tenantId) {
        return list("tenantId = ?1 order by version", tenantId);
    }

    /** The label ledger lines carry for this version. */
    public static String label(int version) {
        return "tenant-v" + version;
    }
}
