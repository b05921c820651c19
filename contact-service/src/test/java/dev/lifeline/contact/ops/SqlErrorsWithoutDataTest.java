package dev.lifeline.contact.ops;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * SQL errors are logged (Hibernate logs them at WARN): their messages must not carry the values that caused them,
 * which are contact details. The kit turns PgJDBC's logServerErrorDetail off for that.
 */
@QuarkusTest
class SqlErrorsWithoutDataTest {

    private static final String PERSONAL = "someone.private@example.com";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aFailedStatementOrBatchDoesNotQuoteItsValues() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create temporary table if not exists sql_errors_probe (v text primary key)");
            s.execute("truncate sql_errors_probe");
            try (PreparedStatement insert = c.prepareStatement("insert into sql_errors_probe (v) values (?)")) {
                insert.setString(1, PERSONAL);
                insert.executeUpdate();
                SQLException single = catchThrowableOfType(SQLException.class, insert::executeUpdate);
                assertThat(single.getSQLState()).isEqualTo("23505");
                assertThat(single.getMessage()).doesNotContain(PERSONAL);

                insert.setString(1, "other@example.com");
                insert.addBatch();
                insert.setString(1, PERSONAL);
                insert.addBatch();
                SQLException batch = catchThrowableOfType(SQLException.class, insert::executeBatch);
                assertThat(batch.getMessage()).doesNotContain(PERSONAL).doesNotContain("other@example.com");
                for (SQLException next = batch.getNextException(); next != null; next = next.getNextException()) {
                    assertThat(next.getMessage()).doesNotContain(PERSONAL);
                }
            }
        }
    }
}
