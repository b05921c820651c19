package dev.lifeline.outreach.campaign;

import dev.lifeline.outreach.Sql;
import dev.lifeline.outreach.delivery.QuietHours;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Campaign rows, always scoped by tenant except for the outage fan-in, which looks across tenants by platform. */
@ApplicationScoped
public class CampaignStore {

    @Inject
    Sql sql;

    public void insert(Campaign c) {
        sql.update(
                """
                insert into campaign (id, tenant_id, name, platform_id, channel, kind, subject, text_body, html_body,
                    webhook_url, webhook_secret, web_shop_url, phone, contact_email, tags, grace_period_ms, active,
                    created_at, updated_at, quiet_start, quiet_end, whatsapp_template, whatsapp_language,
                    whatsapp_parameters)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                c.id(),
                c.tenantId(),
                c.name(),
                c.platformId(),
                c.channel().id(),
                c.kind().id(),
                c.subject(),
                c.textBody(),
                c.htmlBody(),
                c.webhookUrl(),
                c.webhookSecret(),
                c.links().webShop(),
                c.links().phone(),
                c.links().email(),
                c.tags(),
                c.gracePeriod().toMillis(),
                c.active(),
                c.createdAt(),
                c.updatedAt(),
                quietStart(c),
                quietEnd(c),
                waName(c),
                waLanguage(c),
                waParameters(c));
    }

    public boolean update(Campaign c) {
        return sql.update(
                        """
                update campaign set name = ?, platform_id = ?, channel = ?, kind = ?, subject = ?, text_body = ?,
                    html_body = ?, webhook_url = ?, webhook_secret = ?, web_shop_url = ?, phone = ?, contact_email = ?,
                    tags = ?, grace_period_ms = ?, active = ?, updated_at = ?, quiet_start = ?, quiet_end = ?,
                    whatsapp_template = ?, whatsapp_language = ?, whatsapp_parameters = ?
                where tenant_id = ? and id = ?
                """,
                        c.name(),
                        c.platformId(),
                        c.channel().id(),
                        c.kind().id(),
                        c.subject(),
                        c.textBody(),
                        c.htmlBody(),
                        c.webhookUrl(),
                        c.webhookSecret(),
                        c.links().webShop(),
                        c.links().phone(),
                        c.links().email(),
                        c.tags(),
                        c.gracePeriod().toMillis(),
                        c.active(),
                        c.updatedAt(),
                        quietStart(c),
                        quietEnd(c),
                        waName(c),
                        waLanguage(c),
                        waParameters(c),
                        c.tenantId(),
                        c.id())
                > 0;
    }

    public boolean delete(String tenantId, UUID id) {
        return sql.update("delete from campaign where tenant_id = ? and id = ?", tenantId, id) > 0;
    }

    public Optional<Campaign> find(String tenantId, UUID id) {
        return sql.one("select * from campaign where tenant_id = ? and id = ?", CampaignStore::map, tenantId, id);
    }

    /** For senders: the campaign of a delivery job, which carries its tenant. */
    public Optional<Campaign> find(UUID id) {
        return sql.one("select * from campaign where id = ?", CampaignStore::map, id);
    }

    public List<Campaign> list(String tenantId) {
        return sql.query(
                "select * from campaign where tenant_id = ? order by created_at", CampaignStore::map, tenantId);
    }

    /** Active campaigns of this kind that cover the platform; a tenant-defined platform only for its tenant. */
    public List<Campaign> activeFor(String platformId, String platformTenantId, CampaignKind kind) {
        return sql.query(
                """
                select * from campaign where active and kind = ?
                  and (platform_id = ? or platform_id = 'any' and exists (
                      select 1 from tenant_dependency d where d.tenant_id = campaign.tenant_id and d.platform_id = ?))
                  and (cast(? as text) is null or tenant_id = ?)
                order by tenant_id, created_at
                """, CampaignStore::map, kind.id(), platformId, platformId, platformTenantId, platformTenantId);
    }

    private static String waName(Campaign c) {
        return c.whatsappTemplate() == null ? null : c.whatsappTemplate().name();
    }

    private static String waLanguage(Campaign c) {
        return c.whatsappTemplate() == null ? null : c.whatsappTemplate().language();
    }

    private static List<String> waParameters(Campaign c) {
        return c.whatsappTemplate() == null ? null : c.whatsappTemplate().bodyParameters();
    }

    private static WhatsAppTemplate whatsappTemplate(ResultSet rs) throws SQLException {
        String name = rs.getString("whatsapp_template");
        return name == null
                ? null
                : new WhatsAppTemplate(name, rs.getString("whatsapp_language"), Sql.strings(rs, "whatsapp_parameters"));
    }

    private static Time quietStart(Campaign c) {
        return c.quietHours() == null ? null : Time.valueOf(c.quietHours().start());
    }

    private static Time quietEnd(Campaign c) {
        return c.quietHours() == null ? null : Time.valueOf(c.quietHours().end());
    }

    private static QuietHours quietHours(ResultSet rs) throws SQLException {
        Time start = rs.getTime("quiet_start");
        Time end = rs.getTime("quiet_end");
        return start == null || end == null ? null : new QuietHours(start.toLocalTime(), end.toLocalTime());
    }

    static Campaign map(ResultSet rs) throws SQLException {
        return new Campaign(
                Sql.uuid(rs, "id"),
                rs.getString("tenant_id"),
                rs.getString("name"),
                rs.getString("platform_id"),
                CampaignChannel.of(rs.getString("channel")),
                CampaignKind.of(rs.getString("kind")),
                rs.getString("subject"),
                rs.getString("text_body"),
                rs.getString("html_body"),
                rs.getString("webhook_url"),
                rs.getString("webhook_secret"),
                whatsappTemplate(rs),
                new Campaign.Links(rs.getString("web_shop_url"), rs.getString("phone"), rs.getString("contact_email")),
                Sql.strings(rs, "tags"),
                Duration.ofMillis(rs.getLong("grace_period_ms")),
                quietHours(rs),
                rs.getBoolean("active"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
