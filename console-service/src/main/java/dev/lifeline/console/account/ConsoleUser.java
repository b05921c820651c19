package dev.lifeline.console.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A person who signs in to the console for one business. */
@Entity
@Table(name = "console_user")
public class ConsoleUser extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "business_id")
    public UUID businessId;
    /** Stored lower-case: sign-in and the uniqueness check ignore case. */
    public String email;

    @Column(name = "password_hash")
    public String passwordHash;

    public String role;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<ConsoleUser> byEmail(String email) {
        if (email.indexOf('\u0000') >= 0) {
            return Optional.empty(); // PostgreSQL's text cannot hold NUL: such an address belongs to nobody
        }
        return find("email", email).firstResultOptional();
    }
}
