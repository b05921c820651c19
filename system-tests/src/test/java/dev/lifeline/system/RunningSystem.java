package dev.lifeline.system;

import dev.lifeline.localstack.LocalStack;
import dev.lifeline.localstack.FreePort;
import dev.lifeline.localstack.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three services started from their built jars as separate processes against one real broker, database and
 * SMTP server — the system as an operator would run it.
 */
final class RunningSystem implements AutoCloseable {

    static final String ADMIN_KEY = "system-test-admin-key";

    final LocalStack stack;
    final ServiceProcess contacts;
    final ServiceProcess monitor;
    final ServiceProcess outreach;

    private RunningSystem(LocalStack stack, ServiceProcess contacts, ServiceProcess monitor, ServiceProcess outreach) {
        this.stack = stack;
        this.contacts = contacts;
        this.monitor = monitor;
        this.outreach = outreach;
    }

    static RunningSystem start() {
        Path home = Path.of(System.getProperty("lifeline.services.dir", "..")).toAbsolutePath().normalize();
        Path logs = home.resolve("system-tests/target/service-logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalStack stack = LocalStack.start(LocalStack.Ports.random());
        ServiceProcess contacts = launch(stack, home, logs, "contact-service", "contact");
        ServiceProcess monitor = launch(stack, home, logs, "monitor-service", "monitor");
        ServiceProcess outreach = launch(stack, home, logs, "outreach-service", "outreach");
        RunningSystem system = new RunningSystem(stack, contacts, monitor, outreach);
        try {
            for (ServiceProcess service : List.of(contacts, monitor, outreach)) {
                service.awaitReady(Duration.ofSeconds(120));
            }
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
        return system;
    }

    private static ServiceProcess launch(LocalStack stack, Path home, Path logs, String name, String database) {
        Map<String, String> config = new HashMap<>(stack.quarkusConfig(database));
        config.put("lifeline.admin-key", ADMIN_KEY);
        config.put("lifeline.link-signing-key", "system-test-link-signing-key-0123456789abcdef");
        config.put("lifeline.contact.link-secret", "system-test-link-secret-0123456789abcdef");
        // No network here: the catalogue must not probe the public sites, or every platform would look down.
        config.put("lifeline.monitor.catalog-mode", "disabled");
        Path jar = home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        return ServiceProcess.start(name, jar, FreePort.pick(), config, logs.resolve(name + ".log"));
    }

    Map<String, String> admin() {
        return Map.of("X-Admin-Key", ADMIN_KEY);
    }

    static Map<String, String> tenant(String apiKey) {
        return Map.of("Authorization", "Bearer " + apiKey);
    }

    @Override
    public void close() {
        for (ServiceProcess service : List.of(outreach, monitor, contacts)) {
            if (service != null) {
                service.stop();
            }
        }
        stack.stop();
    }
}
