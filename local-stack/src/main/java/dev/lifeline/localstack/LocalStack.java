package dev.lifeline.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Kafka, PostgreSQL and the mail catcher together: the infrastructure every service needs, real,
 * from Maven Central jars, without Docker.
 * <p>
 * Where a Docker engine is available, this is the class to swap for Testcontainers-backed
 * equivalents (KafkaContainer, PostgreSQLContainer, a GreenMail container): callers only rely on
 * {@link #quarkusConfig(String)} and the accessors.
 */
public final class LocalStack {

    /** Ports to listen on; 0 means any free port. */
    public record Ports(int kafka, int postgres, int smtp, int mailWeb) {
        public static Ports random() {
            return new Ports(0, 0, 0, 0);
        }
    }

    private final LocalKafka kafka;
    private final LocalPostgres postgres;
    private final MailCatcher mail;
    private boolean stopped;

    private LocalStack(LocalKafka kafka, LocalPostgres postgres, MailCatcher mail) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.mail = mail;
    }

    /** Starts everything with scratch data that disappear when the JVM exits. */
    public static LocalStack start(Ports ports) {
        return start(ports, null);
    }

    /**
     * Starts everything, keeping data under {@code dataDir} ({@code kafka/} and {@code postgres/})
     * across restarts of this process; {@code null} for scratch data.
     */
    public static LocalStack start(Ports ports, Path dataDir) {
        Path kafkaDir = dataDir == null ? null : dataDir.resolve("kafka");
        Path pgDir = dataDir == null ? null : dataDir.resolve("postgres");
        // The broker and PostgreSQL each take a second or two to start; side by side it is one wait.
        // Own threads: on two cores the common pool has a single worker and would run them in turn.
        Executor starter = task -> new Thread(task, "lifeline-stack-start").start();
        CompletableFuture<LocalKafka> kafka =
                CompletableFuture.supplyAsync(() -> LocalKafka.start(ports.kafka(), kafkaDir), starter);
        CompletableFuture<LocalPostgres> postgres =
                CompletableFuture.supplyAsync(() -> LocalPostgres.start(ports.postgres(), pgDir), starter);
        MailCatcher mail = null;
        try {
            mail = MailCatcher.start(ports.smtp(), ports.mailWeb());
            return new LocalStack(kafka.join(), postgres.join(), mail);
        } catch (RuntimeException e) {
            if (mail != null) {
                mail.stop();
            }
            kafka.thenAccept(LocalKafka::stop);
            postgres.thenAccept(LocalPostgres::stop);
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public LocalKafka kafka() {
        return kafka;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public MailCatcher mail() {
        return mail;
    }

    /**
     * What a Quarkus service needs to run against this stack, creating its database if needed.
     * Passed as test-resource config or as {@code -D} properties of a service process.
     */
    public Map<String, String> quarkusConfig(String database) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", postgres.createDatabase(database));
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", Integer.toString(mail.smtpPort()));
        config.put("quarkus.mailer.mock", "false");
        config.put("quarkus.mailer.tls", "false");
        config.put("quarkus.mailer.start-tls", "DISABLED");
        config.put("quarkus.mailer.from", "lifeline@localhost");
        return config;
    }

    /** Stops the mail catcher, PostgreSQL and Kafka, in that order. Idempotent. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        mail.stop();
        postgres.stop();
        kafka.stop();
    }

    @Override
    public String toString() {
        return "LocalStack[" + kafka + ", " + postgres + ", " + mail + "]";
    }
}
