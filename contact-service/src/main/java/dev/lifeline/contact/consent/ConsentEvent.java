package dev.lifeline.contact.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the consent ledger. {@link Immutable}: Hibernate never issues an UPDATE for it, and the database
 * refuses UPDATE, DELETE and TRUNCATE on the table.
 */
@Entity
@Immutable
@Table(name = "consent_event")
public class ConsentEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_event_ids")
    @jakarta.persistence.SequenceGenerator(
            name = "consent_event_ids",
            sequenceName = "consent_event_id_seq",
            allocationSize = 50)
    public Long id;

    @Column(name = "tenant_id")
    public UUID tenantId;

    @Column(name = "contact_id")
    public UUID contactId;

    public String channel;
    public String action;
    public String status;
    public String source;

    @Column(name = "occurred_at")
    public Instant occurredAt;
    /** Encrypted with the contact's evidence key (see {@link EvidenceCipher}). */
    @Column(name = "ip_enc")
    public byte[] ipEncrypted;

    @Column(name = "user_agent_enc")
    public byte[] userAgentEncrypted;

    @Column(name = "consent_text")
    public String consentText;

    @Column(name = "consent_version")
    public String consentVersion;
}
