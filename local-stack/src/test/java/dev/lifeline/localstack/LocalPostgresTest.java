package dev.lifeline.localstack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalPostgresTest {

    static LocalPostgres postgres;

    @BeforeAll
    static void startServer() {
        postgres = LocalPostgres.start(0);
    }

    @AfterAll
    static void stopServer() {
        postgres.stop();
    }

    @Test
    void createDatabaseGivesAWorkingJdbcUrlAndIsIdempotent() throws SQLException {
        String url = postgres.createDatabase("contact_test");
        assertThat(url)
                .isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/contact_test")
                .isEqualTo(postgres.jdbcUrl("contact_test"));

        execute(
                url,
                "CREATE TABLE person (id bigint PRIMARY KEY, name text NOT NULL)",
                "INSERT INTO person VALUES (1, 'Ada')");
        assertThat(postgres.createDatabase("contact_test")).isEqualTo(url);
        assertThat(names(url)).containsExactly("Ada");
    }

    @Test
    void restartComesBackOnTheSamePortWithTheSameData() throws SQLException {
        String url = postgres.createDatabase("restart_test");
        int port = postgres.port();
        execute(
                url,
                "CREATE TABLE person (id bigint PRIMARY KEY, name text NOT NULL)",
                "INSERT INTO person VALUES (1, 'Grace')");

        postgres.stop();
        assertThat(postgres.isRunning()).isFalse();
        assertThatThrownBy(() -> names(url)).isInstanceOf(SQLException.class);
        postgres.restart();

        assertThat(postgres.port()).isEqualTo(port);
        assertThat(names(url)).containsExactly("Grace");
    }

    @Test
    void aGivenDataDirKeepsDataForTheNextServerOnIt(@TempDir Path dir) throws SQLException {
        LocalPostgres first = LocalPostgres.start(0, dir);
        try {
            execute(
                    first.createDatabase("kept"),
                    "CREATE TABLE person (id bigint PRIMARY KEY, name text NOT NULL)",
                    "INSERT INTO person VALUES (1, 'Barbara')");
        } finally {
            first.stop();
        }
        LocalPostgres second = LocalPostgres.start(0, dir);
        try {
            assertThat(names(second.createDatabase("kept"))).containsExactly("Barbara");
        } finally {
            second.stop();
        }
    }

    @Test
    void databaseNamesThatCouldInjectSqlAreRejected() {
        assertThatThrownBy(() -> postgres.createDatabase("x; DROP DATABASE postgres"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> postgres.createDatabase("Upper")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void execute(String url, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, postgres.username(), postgres.password());
                Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    private static List<String> names(String url) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM person ORDER BY id")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
