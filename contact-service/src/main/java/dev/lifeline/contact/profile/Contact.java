package dev.lifeline.contact.profile;

import dev.lifeline.contact.consent.EvidenceCipher;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A customer of one tenant. Personal fields are null once erased; the row stays as proof that it existed. */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public UUID tenantId;
    /** Grows with every change; consumers of contacts.v1 ignore anything older than what they hold. */
    public long version;

    public String name;
    public String email;
    public String phone;

    @Column(name = "channel_order")
    public String channelOrder;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags = new String[0];

    public String locale;

    @Column(name = "time_zone")
    public String timeZone;

    public String source;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> attributes;

    @Column(name = "consent_email")
    public String consentEmail = "none";

    @Column(name = "consent_sms")
    public String consentSms = "none";

    @Column(name = "consent_whatsapp")
    public String consentWhatsapp = "none";

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "evidence_key")
    public byte[] evidenceKey;

    /** A new contact with its own evidence key (the key that encrypts its ledger lines' IPs and user agents). */
    public static Contact fresh(UUID tenantId, Instant now, String source, String defaultSource) {
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.tenantId = tenantId;
        contact.createdAt = now;
        contact.source = source != null ? source : defaultSource;
        contact.evidenceKey = EvidenceCipher.newKey();
        return contact;
    }

    /** Erasure: the personal fields go, and so does the evidence key, so the ledger's IPs and agents become unreadable. */
    void anonymise(Instant now) {
        name = null;
        email = null;
        phone = null;
        locale = null;
        timeZone = null;
        channelOrder = null;
        tags = new String[0];
        attributes = null;
        source = null;
        evidenceKey = null;
        erasedAt = now;
    }

    public ConsentStatus consent(ContactChannel channel) {
        return ConsentStates.parse(
                switch (channel) {
                    case EMAIL -> consentEmail;
                    case SMS -> consentSms;
                    case WHATSAPP -> consentWhatsapp;
                });
    }

    public void setConsent(ContactChannel channel, ConsentStatus status) {
        String value = ConsentStates.format(status);
        switch (channel) {
            case EMAIL -> consentEmail = value;
            case SMS -> consentSms = value;
            case WHATSAPP -> consentWhatsapp = value;
        }
    }

    public Map<ContactChannel, ConsentStatus> consents() {
        Map<ContactChannel, ConsentStatus> all = new EnumMap<>(ContactChannel.class);
        for (ContactChannel channel : ContactChannel.values()) {
            all.put(channel, consent(channel));
        }
        return all;
    }

    public List<ContactChannel> channelOrderList() {
        if (channelOrder == null || channelOrder.isBlank()) {
            return List.of();
        }
        return Arrays.stream(channelOrder.split(","))
                .map(ConsentStates::channel)
                .toList();
    }

    public List<String> tagList() {
        return tags == null ? List.of() : List.of(tags);
    }

    public boolean erased() {
        return erasedAt != null;
    }
}
