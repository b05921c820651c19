package dev.lifeline.console.team;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An owner's invitation of one address into the business; the mailed link holds the token, this row its hash. */
@Entity
@Table(name = "team_invitation")
public class Invitation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "business_id")
    public UUID businessId;
    /** Lower-case, as {@code console_user.email}. */
    public String email;

    public String role;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "created_at")
    public Instant createdAt;
}
