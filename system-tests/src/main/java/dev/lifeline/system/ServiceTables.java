package dev.lifeline.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts a business's rows in every table of every service that holds some, straight from each service's own
 * database: what a deletion must leave empty, and what it must leave alone for another business. Shared by the
 * system tests and the reliability suite, so that both check the same tables.
 */
public final class ServiceTables {

    /** "database.table" to the count query; its one parameter is the tenant id, or for probe results the platform id. */
    private static final Map<String, String> BY_TENANT = new LinkedHashMap<>();

    static {
        BY_TENANT.put("contact.tenant", "SELECT count(*) FROM tenant WHERE id::text = ?");
        for (String table :
                new String[] {"api_key", "contact", "consent_event", "consent_text_version", "import_job"}) {
            BY_TENANT.put("contact." + table, "SELECT count(*) FROM " + table + " WHERE tenant_id::text = ?");
        }
        for (String table : new String[] {
            "outreach_contact",
            "suppression",
            "campaign",
            "campaign_run",
            "delivery",
            "projected_tenant_key",
            "sender_identity",
            "sending_domain",
            "dkim_key",
            "tenant_dependency"
        }) {
            BY_TENANT.put("outreach." + table, "SELECT count(*) FROM " + table + " WHERE tenant_id = ?");
        }
        for (String table : new String[] {"platform", "probe", "tenant_dependency", "projected_tenant_key"}) {
            BY_TENANT.put("monitor." + table, "SELECT count(*) FROM " + table + " WHERE tenant_id = ?");
        }
    }

    private ServiceTables() {}

    /** Rows of the tenant per "database.table", plus "monitor.probe_result" for its platform. */
    public static Map<String, Long> count(RunningSystem system, String tenantId, String platformId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        BY_TENANT.forEach((table, sql) ->
                counts.put(table, count(system, table.substring(0, table.indexOf('.')), sql, tenantId)));
        counts.put(
                "monitor.probe_result",
                count(system, "monitor", "SELECT count(*) FROM probe_result WHERE platform_id = ?", platformId));
        return counts;
    }

    public static long count(RunningSystem system, String database, String sql, String parameter) {
        try (Connection db = DriverManager.getConnection(
                        system.stack.postgres().jdbcUrl(database),
                        system.stack.postgres().username(),
                        system.stack.postgres().password());
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the " + database + " database", e);
        }
    }
}
