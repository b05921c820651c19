package dev.lifeline.reliability;

import dev.lifeline.system.RunningSystem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/** Read-only looks into outreach-service's delivery ledger, for what HTTP does not show per recipient. */
final class OutreachDb {

    private OutreachDb() {
    }

    /** The addresses of a business's deliveries that a sender had claimed and not finished ("sending"). */
    static Set<String> inFlight(RunningSystem system, Business business) {
        String sql = """
                select lower(c.email) from delivery d
                join outreach_contact c on c.tenant_id = d.tenant_id and c.contact_id = d.contact_id
                where d.tenant_id = ? and d.state = 'sending'""";
        Set<String> addresses = new HashSet<>();
        try (Connection db = DriverManager.getConnection(system.stack.postgres().jdbcUrl("outreach"),
                system.stack.postgres().username(), system.stack.postgres().password());
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, business.tenantId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    addresses.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read outreach's ledger", e);
        }
        return addresses;
    }
}
