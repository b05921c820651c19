package dev.lifeline.outreach.campaign;

import dev.lifeline.outreach.delivery.QuietHours;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A campaign as its table row. The service works with the {@link Campaign} record; this entity only carries it to and
 * from the database, so that the record stays a plain value the rules and unit tests use without JPA.
 */
@Entity
@Table(name = "campaign")
public class CampaignRow extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public String tenantId;

    public String name;

    @Column(name = "platform_id")
    public String platformId;

    public String channel;
    public String kind;
    public String subject;

    @Column(name = "text_body")
    public String textBody;

    @Column(name = "html_body")
    public String htmlBody;

    @Column(name = "webhook_url")
    public String webhookUrl;

    @Column(name = "webhook_secret")
    public String webhookSecret;

    @Column(name = "web_shop_url")
    public String webShopUrl;

    public String phone;

    @Column(name = "contact_email")
    public String contactEmail;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags = new String[0];

    @Column(name = "grace_period_ms")
    public long gracePeriodMs;

    @Column(name = "quiet_start")
    public LocalTime quietStart;

    @Column(name = "quiet_end")
    public LocalTime quietEnd;

    @Column(name = "whatsapp_template")
    public String whatsappTemplate;

    @Column(name = "whatsapp_language")
    public String whatsappLanguage;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "whatsapp_parameters")
    public String[] whatsappParameters;

    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Copies every field of the campaign into this row (a new one, or the managed row of an update). */
    CampaignRow fill(Campaign c) {
        id = c.id();
        tenantId = c.tenantId();
        name = c.name();
        platformId = c.platformId();
        channel = c.channel().id();
        kind = c.kind().id();
        subject = c.subject();
        textBody = c.textBody();
        htmlBody = c.htmlBody();
        webhookUrl = c.webhookUrl();
        webhookSecret = c.webhookSecret();
        webShopUrl = c.links().webShop();
        phone = c.links().phone();
        contactEmail = c.links().email();
        tags = c.tags() == null ? new String[0] : c.tags().toArray(String[]::new);
        gracePeriodMs = c.gracePeriod().toMillis();
        quietStart = c.quietHours() == null ? null : c.quietHours().start();
        quietEnd = c.quietHours() == null ? null : c.quietHours().end();
        WhatsAppTemplate template = c.whatsappTemplate();
        whatsappTemplate = template == null ? null : template.name();
        whatsappLanguage = template == null ? null : template.language();
        whatsappParameters = template == null ? null : template.bodyParameters().toArray(String[]::new);
        active = c.active();
        createdAt = c.createdAt();
        updatedAt = c.updatedAt();
        return this;
    }

    Campaign campaign() {
        return new Campaign(
                id,
                tenantId,
                name,
                platformId,
                CampaignChannel.of(channel),
                CampaignKind.of(kind),
                subject,
                textBody,
                htmlBody,
                webhookUrl,
                webhookSecret,
                whatsappTemplate == null
                        ? null
                        : new WhatsAppTemplate(whatsappTemplate, whatsappLanguage, list(whatsappParameters)),
                new Campaign.Links(webShopUrl, phone, contactEmail),
                list(tags),
                Duration.ofMillis(gracePeriodMs),
                quietStart == null || quietEnd == null ? null : new QuietHours(quietStart, quietEnd),
                active,
                createdAt,
                updatedAt);
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : List.of(values);
    }
}
