package dev.lifeline.contact.tenant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tenant API key, kept only as its SHA-256: the key itself is shown once, when issued. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    /** Also manages the tenant: its settings, its keys, its deletion. */
    public static final String ADMIN = "admin";
    /** The contact, import and export APIs only: for integrations that should not be able to lock the owner out. */
    public static final String STANDARD = "standard";

    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public UUID tenantId;

    @Column(name = "key_hash")
    public String keyHash;
    /** The first characters of the key, so a person can tell keys apart without the secret. */
    @Column(name = "key_prefix")
    public String keyPrefix;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public String scope = ADMIN;

    public static List<ApiKey> liveOf(UUID tenantId) {
        return list("tenantId = ?1 and revokedAt is null order by createdAt", tenantId);
    }

    public static long liveAdminCount(UUID tenantId) {
        return count("tenantId = ?1 and revokedAt is null and scope = ?2", tenantId, ADMIN);
    }

    public static boolean isLiveAdmin(String keyHash) {
        return count("keyHash = ?1 and revokedAt is null and scope = ?2", keyHash, ADMIN) > 0;
    }

    public static List<ApiKey> allOf(UUID tenantId) {
        return list("tenantId = ?1 order by createdAt", tenantId);
    }
}
