package dev.lifeline.reliability;

import dev.lifeline.system.RunningSystem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/** Read-only looks into a service's own database, for what its API does not show (or must not be trusted to). */
final class ServiceDb {

    private ServiceDb() {
    }

    /** The first column of every row of a query with one string parameter. */
    static Set<String> strings(RunningSystem system, String database, String sql, String parameter) {
        Set<String> values = new HashSet<>();
        try (Connection db = DriverManager.getConnection(system.stack.postgres().jdbcUrl(database),
                system.stack.postgres().username(), system.stack.postgres().password());
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the " + database + " database", e);
        }
        return values;
    }
}
