package dev.lifeline.outreach.subjectaccess;

import dev.lifeline.outreach.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads every row outreach holds about a contact, always scoped to the tenant. Plain SQL over the projection,
 * suppression and delivery tables (owned by other features): a read-only report needs no entities of its own, and
 * naming the columns here keeps the answer stable while those features change their tables.
 */
@ApplicationScoped
public class ContactDataStore {

    @Inject
    Sql sql;

    public ContactData find(String tenantId, String contactId) {
        ContactData.Projection projection =
                sql.one("""
                select name, email, phone, locale, time_zone, tags, channel_order, email_consent, sms_consent,
                    whatsapp_consent, version, updated_at
                from outreach_contact where tenant_id = ? and contact_id = ?
                """, ContactDataStore::projection, tenantId, contactId).orElse(null);
        var suppressions = sql.query(
                """
                select channel, reason, at from suppression where tenant_id = ? and contact_id = ? order by at, channel
                """,
                rs -> new ContactData.Suppression(
                        rs.getString("channel"), rs.getString("reason"), Sql.instant(rs, "at")),
                tenantId,
                contactId);
        var deliveries = sql.query("""
                select d.run_id, r.campaign_id, c.name as campaign_name, c.kind as campaign_kind, d.platform_id, d.channel,
                    d.state, d.attempts, d.provider_message_id, d.last_error, d.created_at, d.updated_at
                from delivery d
                join campaign_run r on r.id = d.run_id and r.tenant_id = d.tenant_id
                left join campaign c on c.id = r.campaign_id and c.tenant_id = r.tenant_id
                where d.tenant_id = ? and d.contact_id = ?
                order by d.created_at, d.channel
                """, ContactDataStore::delivery, tenantId, contactId);
        return new ContactData(contactId, projection, suppressions, deliveries);
    }

    private static ContactData.Projection projection(ResultSet rs) throws SQLException {
        Map<String, String> consents = new LinkedHashMap<>();
        consents.put("email", rs.getString("email_consent"));
        consents.put("sms", rs.getString("sms_consent"));
        consents.put("whatsapp", rs.getString("whatsapp_consent"));
        return new ContactData.Projection(
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("locale"),
                rs.getString("time_zone"),
                Sql.strings(rs, "tags"),
                Sql.strings(rs, "channel_order"),
                consents,
                rs.getLong("version"),
                Sql.instant(rs, "updated_at"));
    }

    private static ContactData.Delivery delivery(ResultSet rs) throws SQLException {
        return new ContactData.Delivery(
                Sql.uuid(rs, "run_id"),
                Sql.uuid(rs, "campaign_id"),
                rs.getString("campaign_name"),
                rs.getString("campaign_kind"),
                rs.getString("platform_id"),
                rs.getString("channel"),
                rs.getString("state"),
                rs.getInt("attempts"),
                rs.getString("provider_message_id"),
                rs.getString("last_error"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
