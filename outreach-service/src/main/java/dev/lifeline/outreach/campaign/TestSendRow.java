package dev.lifeline.outreach.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One test send of a business, counted against its hourly quota. */
@Entity
@Table(name = "test_send")
public class TestSendRow extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "sent_at")
    public Instant sentAt;
}
