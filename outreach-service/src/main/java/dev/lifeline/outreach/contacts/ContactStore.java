package dev.lifeline.outreach.contacts;

import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.contact.ContactUpserted;
import dev.lifeline.outreach.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Outreach's contact tables. Callers run inside a transaction where it matters. */
@ApplicationScoped
public class ContactStore {

    private static final String COLUMNS =
            "tenant_id, contact_id, name, email, phone, locale, time_zone, tags, channel_order, "
                    + "email_consent, sms_consent, whatsapp_consent";

    private static final String PREFIXED_COLUMNS =
            Arrays.stream(COLUMNS.split(",\\s*")).map(col -> "c." + col).collect(Collectors.joining(", "));

    /**
     * What a sender needs of a claimed contact. A contact who left no time zone (a hosted-form sign-up) lives, as far
     * as anyone knows, where the business does: quiet hours at night in Berlin must not be counted in UTC.
     */
    private static final String CLAIM_COLUMNS =
            PREFIXED_COLUMNS.replace("c.time_zone", "coalesce(nullif(c.time_zone, ''), t.time_zone) as time_zone");

    @Inject
    Sql sql;

    /** @return false when the held version is as new or newer (a redelivery or a stale event) */
    public boolean upsert(ContactUpserted e) {
        int rows = sql.update(
                """
                insert into outreach_contact (tenant_id, contact_id, version, name, email, phone, locale, time_zone, tags,
                    channel_order, email_consent, sms_consent, whatsapp_consent, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (contact_id) do update set version = excluded.version, name = excluded.name,
                    email = excluded.email, phone = excluded.phone, locale = excluded.locale, time_zone = excluded.time_zone,
                    tags = excluded.tags, channel_order = excluded.channel_order, email_consent = excluded.email_consent,
                    sms_consent = excluded.sms_consent, whatsapp_consent = excluded.whatsapp_consent,
                    updated_at = excluded.updated_at
                where outreach_contact.version < excluded.version and outreach_contact.tenant_id = excluded.tenant_id
                """,
                e.tenantId(),
                e.contactId(),
                e.version(),
                e.name(),
                e.email(),
                e.phone(),
                e.locale(),
                e.timeZone(),
                e.tags(),
                e.channelOrder().stream().map(ContactStore::channelName).toList(),
                consentName(e.consent(ContactChannel.EMAIL)),
                consentName(e.consent(ContactChannel.SMS)),
                consentName(e.consent(ContactChannel.WHATSAPP)),
                e.updatedAt());
        if (rows > 0) {
            // A consent confirmed at contact-service after our suppression (a new opt-in) lifts it.
            sql.update("""
                    delete from suppression s using outreach_contact c
                    where s.contact_id = c.contact_id and c.contact_id = ? and s.at < c.updated_at
                      and ((s.channel = 'email' and c.email_consent = 'confirmed')
                        or (s.channel = 'sms' and c.sms_consent = 'confirmed'))
                    """, e.contactId());
        }
        return rows > 0;
    }

    /**
     * {@link #upsert} for many contacts in one statement (at most one event per contact): the rows travel as one
     * array per column, and tags and channel orders, which are arrays themselves, as one {@code text[]} literal each.
     * The same version and tenant guard, and the same lifting of older suppressions by a newer confirmation, in the
     * same statement (the CTE's {@code returning} carries the new values to the delete).
     *
     * @return how many contacts changed
     */
    public int upsertAll(List<ContactUpserted> events) {
        if (events.isEmpty()) {
            return 0;
        }
        int n = events.size();
        Object[][] columns = new Object[14][n];
        for (int i = 0; i < n; i++) {
            ContactUpserted e = events.get(i);
            columns[0][i] = e.tenantId();
            columns[1][i] = e.contactId();
            columns[2][i] = e.version();
            columns[3][i] = e.name();
            columns[4][i] = e.email();
            columns[5][i] = e.phone();
            columns[6][i] = e.locale();
            columns[7][i] = e.timeZone();
            columns[8][i] = arrayLiteral(e.tags());
            columns[9][i] = arrayLiteral(
                    e.channelOrder().stream().map(ContactStore::channelName).toList());
            columns[10][i] = consentName(e.consent(ContactChannel.EMAIL));
            columns[11][i] = consentName(e.consent(ContactChannel.SMS));
            columns[12][i] = consentName(e.consent(ContactChannel.WHATSAPP));
            columns[13][i] = e.updatedAt() == null ? null : Timestamp.from(e.updatedAt());
        }
        String[] types = {
            "text",
            "text",
            "bigint",
            "text",
            "text",
            "text",
            "text",
            "text",
            "text",
            "text",
            "text",
            "text",
            "text",
            "timestamptz"
        };
        return sql.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT_ALL)) {
                for (int col = 0; col < columns.length; col++) {
                    ps.setArray(col + 1, c.createArrayOf(types[col], columns[col]));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    private static final String UPSERT_ALL = """
            with incoming as (
                select * from unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                as i (tenant_id, contact_id, version, name, email, phone, locale, time_zone, tags, channel_order,
                    email_consent, sms_consent, whatsapp_consent, updated_at)
            ), changed as (
                insert into outreach_contact (tenant_id, contact_id, version, name, email, phone, locale, time_zone,
                    tags, channel_order, email_consent, sms_consent, whatsapp_consent, updated_at)
                select tenant_id, contact_id, version, name, email, phone, locale, time_zone, tags::text[],
                    channel_order::text[], email_consent, sms_consent, whatsapp_consent, updated_at
                from incoming
                on conflict (contact_id) do update set version = excluded.version, name = excluded.name,
                    email = excluded.email, phone = excluded.phone, locale = excluded.locale, time_zone = excluded.time_zone,
                    tags = excluded.tags, channel_order = excluded.channel_order, email_consent = excluded.email_consent,
                    sms_consent = excluded.sms_consent, whatsapp_consent = excluded.whatsapp_consent,
                    updated_at = excluded.updated_at
                where outreach_contact.version < excluded.version and outreach_contact.tenant_id = excluded.tenant_id
                returning contact_id, updated_at, email_consent, sms_consent
            ), lifted as (
                delete from suppression s using changed c
                where s.contact_id = c.contact_id and s.at < c.updated_at
                  and ((s.channel = 'email' and c.email_consent = 'confirmed')
                    or (s.channel = 'sms' and c.sms_consent = 'confirmed'))
            )
            select count(*) from changed
            """;

    /** A text[] literal: every element quoted, its quotes and backslashes escaped. */
    static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; values != null && i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"');
            for (char ch : values.get(i).toCharArray()) {
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    /** Erasure: every trace of the contact goes, deliveries included. */
    public void erase(String contactId) {
        sql.update("delete from delivery where contact_id = ?", contactId);
        sql.update("delete from suppression where contact_id = ?", contactId);
        sql.update("delete from outreach_contact where contact_id = ?", contactId);
    }

    public Optional<ProjectedContact> find(String tenantId, String contactId) {
        return sql.one(
                "select " + COLUMNS + " from outreach_contact where tenant_id = ? and contact_id = ?",
                ContactStore::map,
                tenantId,
                contactId);
    }

    /**
     * A delivery this caller claimed: its contact as it may be messaged now (null when erased) and the claim's token
     * (outcomes are recorded only while the delivery's claim is still this token).
     */
    public record Claim(String contactId, ProjectedContact contact, UUID token) {}

    /**
     * Claims the queued deliveries of one run and channel among {@code contactIds} (queued → sending, stamped with one
     * fresh token, the time and this instance) and reads their contacts, in one statement and one commit: a batch
     * costs one round trip, whatever its size. Rows another sender holds, or already sent, are simply not returned.
     *
     * @return the claims this caller won; a claim's contact is null when the contact was erased meanwhile
     */
    public List<Claim> claimBatch(
            UUID runId, String channel, List<String> contactIds, String tenantId, String claimedBy) {
        UUID token = UUID.randomUUID();
        return sql.query(
                "with claimed as (update delivery set state = 'sending', attempts = attempts + 1, claim_token = ?, "
                        + "claimed_at = now(), claimed_by = ?, updated_at = now() "
                        + "where run_id = ? and channel = ? and contact_id = any(?) and state = 'queued' returning contact_id) "
                        + "select claimed.contact_id as claimed_id, " + CLAIM_COLUMNS + ", array(select s.channel "
                        + "from suppression s where s.contact_id = claimed.contact_id) as suppressed from claimed "
                        + "left join outreach_contact c on c.contact_id = claimed.contact_id and c.tenant_id = ? "
                        + "left join projected_tenant t on t.tenant_id = c.tenant_id",
                rs -> new Claim(
                        rs.getString("claimed_id"),
                        rs.getString("contact_id") == null ? null : mapWithSuppression(rs),
                        token),
                token,
                claimedBy,
                runId,
                channel,
                contactIds,
                tenantId);
    }

    /** The contact with channels suppressed here shown as withdrawn: what a sender may use right now. */
    public Optional<ProjectedContact> findSendable(String tenantId, String contactId) {
        return sql.one("select " + COLUMNS + """
                , array(select s.channel from suppression s where s.contact_id = c.contact_id) as suppressed
                from outreach_contact c where tenant_id = ? and contact_id = ?
                """, ContactStore::mapWithSuppression, tenantId, contactId);
    }

    /**
     * Streams every contact of the tenant with a confirmed channel (suppressed channels shown as withdrawn) through
     * a cursor, so a run over 100,000 contacts never holds them all in memory. Needs a transaction (the cursor does).
     */
    public void forEachReachable(String tenantId, Consumer<ProjectedContact> each) {
        sql.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + """
                    , array(select s.channel from suppression s where s.contact_id = c.contact_id) as suppressed
                    from outreach_contact c where tenant_id = ?
                      and (email_consent = 'confirmed' or sms_consent = 'confirmed' or whatsapp_consent = 'confirmed')
                    """)) {
                ps.setFetchSize(2000);
                ps.setString(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(mapWithSuppression(rs));
                    }
                }
            }
            return null;
        });
    }

    /** Every contact of the tenant with at least one confirmed channel, suppressed channels shown as withdrawn. */
    public List<ProjectedContact> reachable(String tenantId) {
        List<ProjectedContact> all = sql.query("select " + COLUMNS + """
                , array(select s.channel from suppression s where s.contact_id = c.contact_id) as suppressed
                from outreach_contact c where tenant_id = ?
                  and (email_consent = 'confirmed' or sms_consent = 'confirmed' or whatsapp_consent = 'confirmed')
                """, ContactStore::mapWithSuppression, tenantId);
        return all;
    }

    private static ProjectedContact mapWithSuppression(ResultSet rs) throws SQLException {
        ProjectedContact c = map(rs);
        List<String> suppressed = Sql.strings(rs, "suppressed");
        if (suppressed.isEmpty()) {
            return c;
        }
        Map<ContactChannel, ConsentStatus> consents = new EnumMap<>(ContactChannel.class);
        consents.putAll(c.consents());
        suppressed.forEach(s -> consents.put(channel(s), ConsentStatus.WITHDRAWN));
        return new ProjectedContact(
                c.tenantId(),
                c.contactId(),
                c.name(),
                c.email(),
                c.phone(),
                c.locale(),
                c.timeZone(),
                c.tags(),
                c.channelOrder(),
                consents);
    }

    public boolean suppressed(String contactId, ContactChannel channel) {
        return sql.one(
                        "select 1 from suppression where contact_id = ? and channel = ?",
                        rs -> 1,
                        contactId,
                        channelName(channel))
                .isPresent();
    }

    public void suppress(String tenantId, String contactId, ContactChannel channel, String reason, Instant at) {
        sql.update("""
                insert into suppression (tenant_id, contact_id, channel, reason, at) values (?, ?, ?, ?, ?)
                on conflict (contact_id, channel) do update set reason = excluded.reason, at = excluded.at
                """, tenantId, contactId, channelName(channel), reason, at);
    }

    private static ProjectedContact map(ResultSet rs) throws SQLException {
        Map<ContactChannel, ConsentStatus> consents = new EnumMap<>(ContactChannel.class);
        consents.put(ContactChannel.EMAIL, consent(rs.getString("email_consent")));
        consents.put(ContactChannel.SMS, consent(rs.getString("sms_consent")));
        consents.put(ContactChannel.WHATSAPP, consent(rs.getString("whatsapp_consent")));
        List<ContactChannel> order = new ArrayList<>();
        for (String s : Sql.strings(rs, "channel_order")) {
            order.add(channel(s));
        }
        return new ProjectedContact(
                rs.getString("tenant_id"),
                rs.getString("contact_id"),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("locale"),
                rs.getString("time_zone"),
                Sql.strings(rs, "tags"),
                order,
                consents);
    }

    public static String channelName(ContactChannel c) {
        return c.name().toLowerCase(Locale.ROOT);
    }

    public static ContactChannel channel(String s) {
        return ContactChannel.valueOf(s.toUpperCase(Locale.ROOT));
    }

    private static String consentName(ConsentStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private static ConsentStatus consent(String s) {
        return ConsentStatus.valueOf(s.toUpperCase(Locale.ROOT));
    }
}
