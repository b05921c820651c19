package dev.lifeline.outreach.sender;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A DKIM key of one business and domain. {@link #privateKey} is PKCS#8 in base64 and never leaves the service: no
 * view carries it, nothing logs it, and {@link #toString()} leaves it out.
 */
@Entity
@Table(name = "dkim_key")
public class DkimKey extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "domain_id", nullable = false)
    public UUID domainId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String selector;

    @Column(name = "private_key", nullable = false)
    public String privateKey;
    /** X.509 SubjectPublicKeyInfo in base64: the {@code p=} of the DNS record. */
    @Column(name = "public_key", nullable = false)
    public String publicKey;

    @Column(nullable = false)
    public KeyState state;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    public static List<DkimKey> ofDomain(UUID domainId) {
        return list("domainId = ?1 order by createdAt", domainId);
    }

    public static Optional<DkimKey> active(UUID domainId) {
        return find("domainId = ?1 and state = ?2", domainId, KeyState.ACTIVE).firstResultOptional();
    }

    @Override
    public String toString() {
        return "DkimKey[" + selector + ", " + state + "]";
    }
}
