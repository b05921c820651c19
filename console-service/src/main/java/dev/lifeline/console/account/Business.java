package dev.lifeline.console.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A business that signed up through the console, and how the console speaks for it (its encrypted API key). */
@Entity
@Table(name = "business")
public class Business extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Column(name = "tenant_id")
    public UUID tenantId;

    @Column(name = "tenant_slug")
    public String tenantSlug;

    @Column(name = "api_key_enc")
    public byte[] apiKeyEncrypted;
    /** Comma-separated platform ids still to be set on monitor-service; null once set. */
    @Column(name = "pending_dependencies")
    public String pendingDependencies;

    @Column(name = "created_at")
    public Instant createdAt;
}
