package dev.lifeline.outreach.sender;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** How a business signs its e-mail: display name, From address (on a verified domain) and Reply-To. */
@Entity
@Table(name = "sender_identity")
public class SenderIdentity extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "from_address")
    public String fromAddress;

    @Column(name = "reply_to")
    public String replyTo;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
