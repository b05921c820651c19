package dev.lifeline.reliability;

import dev.lifeline.system.RunningSystem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Read-only looks into a service's own database, for what its API does not show (or must not be trusted to). */
final class ServiceDb {

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private ServiceDb() {}

    /** The first column of every row of a query with one string parameter. */
    static Set<String> strings(RunningSystem system, String database, String sql, String parameter) {
        Set<String> values = new HashSet<>();
        query(system, database, sql, parameter, row -> values.add(row.getString(1)));
        return values;
    }

    /** A query with one string parameter whose rows are (key, count); a null key is counted as "none". */
    static Map<String, Long> counts(RunningSystem system, String database, String sql, String parameter) {
        Map<String, Long> counts = new TreeMap<>();
        query(system, database, sql, parameter, row -> counts.put(String.valueOf(row.getString(1)), row.getLong(2)));
        return counts;
    }

    private static void query(RunningSystem system, String database, String sql, String parameter, RowReader reader) {
        try (Connection db = DriverManager.getConnection(
                        system.stack.postgres().jdbcUrl(database),
                        system.stack.postgres().username(),
                        system.stack.postgres().password());
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the " + database + " database", e);
        }
    }
}
