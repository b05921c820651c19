package dev.lifeline.console.signup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A sign-up waiting for its e-mail to be verified; the tenant does not exist yet. */
@Entity
@Table(name = "pending_signup")
public class PendingSignup extends PanacheEntityBase {

    @Id
    public UUID id;

    public String email;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "business_name")
    public String businessName;

    @Column(name = "default_region")
    public String defaultRegion;

    @Column(name = "time_zone")
    public String timeZone;
    /** Comma-separated platform ids chosen on the form. */
    @Column(name = "platform_ids")
    public String platformIds;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "created_at")
    public Instant createdAt;
}
