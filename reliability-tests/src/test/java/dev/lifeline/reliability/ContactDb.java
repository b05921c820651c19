package dev.lifeline.reliability;

import dev.lifeline.system.RunningSystem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/** Read-only looks into contact-service's database: what is stored, not what an API answers. */
final class ContactDb {

    private ContactDb() {
    }

    static Set<String> emails(RunningSystem system, Business business) {
        Set<String> emails = new HashSet<>();
        try (Connection db = DriverManager.getConnection(system.stack.postgres().jdbcUrl("contact"),
                system.stack.postgres().username(), system.stack.postgres().password());
             PreparedStatement query = db.prepareStatement(
                     "select lower(email) from contact where tenant_id = ?::uuid and email is not null")) {
            query.setString(1, business.tenantId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    emails.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read contact-service's database", e);
        }
        return emails;
    }
}
