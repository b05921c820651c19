package dev.lifeline.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStackTestResourceTest {

    @InjectLocalStack
    LocalStack stack;

    @InjectLocalStack
    MailCatcher mail;

    LocalStack notAnnotated;

    @Test
    void startReturnsQuarkusConfigWhoseEndpointsAnswer() throws Exception {
        LocalStackTestResource resource = new LocalStackTestResource();
        resource.init(Map.of("database", "contact"));
        Map<String, String> config = resource.start();

        assertThat(config)
                .containsKeys(
                        "kafka.bootstrap.servers",
                        "quarkus.datasource.jdbc.url",
                        "quarkus.datasource.username",
                        "quarkus.datasource.password",
                        "quarkus.mailer.port")
                .containsEntry("quarkus.mailer.host", "127.0.0.1")
                .containsEntry("quarkus.mailer.mock", "false")
                .containsEntry("quarkus.mailer.tls", "false")
                .containsEntry("quarkus.mailer.start-tls", "DISABLED")
                .containsEntry("quarkus.mailer.from", "lifeline@localhost");
        assertThat(config.get("kafka.bootstrap.servers")).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(config.get("quarkus.datasource.jdbc.url")).endsWith("/contact");

        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka.bootstrap.servers")))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .hasSize(1);
        }
        try (Connection c = DriverManager.getConnection(
                        config.get("quarkus.datasource.jdbc.url"),
                        config.get("quarkus.datasource.username"),
                        config.get("quarkus.datasource.password"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_database()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("contact");
        }
        try (Socket smtp = new Socket("127.0.0.1", Integer.parseInt(config.get("quarkus.mailer.port")));
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(smtp.getInputStream(), StandardCharsets.US_ASCII))) {
            assertThat(in.readLine()).startsWith("220 ");
        }
        resource.stop();
        assertThat(LocalStackTestResource.stack().kafka().isRunning())
                .as("shared stack outlives a test class")
                .isTrue();
    }

    @Test
    void theStackIsOnePerJvmAndSharedBetweenDatabases() {
        LocalStackTestResource contact = new LocalStackTestResource();
        contact.init(Map.of("database", "contact"));
        LocalStackTestResource outreach = new LocalStackTestResource();
        outreach.init(Map.of("database", "outreach"));

        Map<String, String> a = contact.start();
        Map<String, String> b = outreach.start();

        assertThat(a.get("kafka.bootstrap.servers")).isEqualTo(b.get("kafka.bootstrap.servers"));
        assertThat(a.get("quarkus.datasource.jdbc.url")).endsWith("/contact");
        assertThat(b.get("quarkus.datasource.jdbc.url")).endsWith("/outreach");
        assertThat(LocalStackTestResource.stack()).isSameAs(LocalStackTestResource.stack());
    }

    @Test
    void aMissingDatabaseArgumentIsAClearError() {
        assertThatThrownBy(() -> new LocalStackTestResource().init(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database");
    }

    @Test
    void injectFillsAnnotatedFieldsOfStackTypes() {
        LocalStackTestResource resource = new LocalStackTestResource();
        resource.init(Map.of("database", "contact"));
        resource.inject(new FieldInjector(this));

        assertThat(stack).isSameAs(LocalStackTestResource.stack());
        assertThat(mail).isSameAs(stack.mail());
        assertThat(notAnnotated).isNull();
    }

    /** What Quarkus does with the test instance, minus Quarkus. */
    private record FieldInjector(Object target) implements TestInjector {
        @Override
        public void injectIntoFields(Object value, Predicate<Field> predicate) {
            for (Field f : target.getClass().getDeclaredFields()) {
                if (predicate.test(f)) {
                    try {
                        f.setAccessible(true);
                        f.set(target, value);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }
}
