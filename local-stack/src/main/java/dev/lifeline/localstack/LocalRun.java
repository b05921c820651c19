package dev.lifeline.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the whole system on a developer's machine: the local stack on fixed ports, then each built
 * service as its own process, until Ctrl-C.
 * <pre>
 * ./mvnw -q -pl local-stack exec:exec \
 *   -Dlifeline.services=contact-service=contact-service/target/quarkus-app/quarkus-run.jar=8081=contact,...
 * </pre>
 * System properties: {@code lifeline.services} ({@code name=jar=port=database}, comma-separated;
 * empty for the stack alone), {@code lifeline.banner} (a text file or classpath resource printed
 * after the URLs), {@code lifeline.kafka.port} (19092), {@code lifeline.postgres.port} (15432),
 * {@code lifeline.smtp.port} (2525), {@code lifeline.mail-web.port} (8025),
 * {@code lifeline.data-dir} ({@code .local-run}), {@code lifeline.ready-timeout-seconds} (120),
 * {@code lifeline.service-config} (a properties file whose entries every service gets as system properties).
 * <p>
 * PostgreSQL data ({@code postgres/}) and the Kafka log ({@code kafka/}) stay in the data dir between
 * runs, so a developer's data survive; delete the directory for a clean start. Service logs go to
 * {@code <data-dir>/logs/}, PostgreSQL's own to {@code <data-dir>/postgres.log}.
 */
public final class LocalRun {

    /** A service's management port is its API port plus this. */
    static final int MANAGEMENT_OFFSET = 1000;

    /** One service to launch: {@code name=path/to/quarkus-run.jar=port=database}. */
    record Service(String name, Path jar, int port, String database) {

        static List<Service> parseAll(String spec) {
            List<Service> services = new ArrayList<>();
            if (spec == null || spec.isBlank()) {
                return services;
            }
            for (String item : spec.split(",")) {
                if (!item.isBlank()) {
                    services.add(parse(item.trim()));
                }
            }
            return services;
        }

        static Service parse(String item) {
            String[] parts = item.split("=");
            if (parts.length != 4 || Arrays.stream(parts).anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("Expected name=path/to/quarkus-run.jar=port=database, got: " + item);
            }
            try {
                return new Service(
                        parts[0].trim(), Path.of(parts[1].trim()), Integer.parseInt(parts[2].trim()), parts[3].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a port in " + item, e);
            }
        }
    }

    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    private LocalRun() {}

    public static void main(String[] args) throws InterruptedException {
        ConsoleLogging.install();
        List<Service> services = Service.parseAll(System.getProperty("lifeline.services"));
        Map<String, String> serviceConfig = serviceConfig(System.getProperty("lifeline.service-config"));
        Path dataDir = Path.of(property("lifeline.data-dir", ".local-run")).toAbsolutePath();
        Duration readyTimeout = Duration.ofSeconds(intProperty("lifeline.ready-timeout-seconds", 120));
        LocalStack.Ports ports = new LocalStack.Ports(
                intProperty("lifeline.kafka.port", 19092),
                intProperty("lifeline.postgres.port", 15432),
                intProperty("lifeline.smtp.port", 2525),
                intProperty("lifeline.mail-web.port", 8025));

        System.out.println("Starting Kafka, PostgreSQL and the mail catcher (data in " + dataDir + ") ...");
        LocalStack stack;
        try {
            stack = LocalStack.start(ports, dataDir);
        } catch (RuntimeException e) {
            System.err.println("Could not start the local stack (ports " + ports + " free? another local run?): " + e);
            System.exit(1);
            return;
        }
        List<ServiceProcess> running = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping ...");
                            shutdown(running, stack);
                            stopped.countDown();
                        },
                        "lifeline-local-run-stop"));

        try {
            for (Service service : services) {
                System.out.println("Starting " + service.name() + " on port " + service.port() + " ...");
                Map<String, String> config = new LinkedHashMap<>(serviceConfig);
                config.putAll(stack.quarkusConfig(service.database()));
                // Health and metrics a fixed step above the API port (8081 → 9081), so scripts know where to look.
                config.putIfAbsent(ServiceProcess.MANAGEMENT_PORT, String.valueOf(service.port() + MANAGEMENT_OFFSET));
                ServiceProcess process = ServiceProcess.start(
                        service.name(),
                        service.jar(),
                        service.port(),
                        config,
                        dataDir.resolve("logs").resolve(service.name() + ".log"));
                synchronized (running) {
                    running.add(process);
                }
            }
            // Started side by side, awaited in turn: the total wait is the slowest service's start.
            for (ServiceProcess process : snapshot(running)) {
                process.awaitReady(readyTimeout);
                reportUnexpectedExit(process);
            }
        } catch (RuntimeException e) {
            System.err.println("\nLocal run failed: " + e.getMessage());
            // the shutdown hook stops whatever did start
            System.exit(1);
        }

        System.out.println(banner(stack, snapshot(running), dataDir));
        stopped.await();
    }

    private static String banner(LocalStack stack, List<ServiceProcess> services, Path dataDir) {
        StringBuilder out = new StringBuilder("\n");
        String rule = "=".repeat(72);
        out.append(rule)
                .append("\n Lifeline is running locally. Ctrl-C stops everything.\n")
                .append(rule)
                .append('\n');
        for (ServiceProcess s : services) {
            out.append(String.format(" %-22s %s%n", s.name(), s.baseUrl()));
            out.append(String.format(" %-22s %s/q/swagger-ui%n", "", s.baseUrl()));
            out.append(String.format(
                    " %-22s health %s/q/health/ready  metrics %s/q/metrics%n",
                    "", s.managementUrl(), s.managementUrl()));
            out.append(String.format(" %-22s %s%n", "", s.logFile()));
        }
        out.append(String.format(" %-22s %s%n", "mail catcher", stack.mail().webUrl()));
        out.append(
                String.format(" %-22s 127.0.0.1:%d (SMTP)%n", "", stack.mail().smtpPort()));
        out.append(String.format(" %-22s %s%n", "kafka", stack.kafka().bootstrapServers()));
        out.append(String.format(
                " %-22s %s (user %s)%n",
                "postgresql",
                stack.postgres().jdbcUrl("postgres"),
                stack.postgres().username()));
        out.append(String.format(" %-22s %s%n", "", stack.postgres().logFile()));
        out.append(String.format(" %-22s %s%n", "data", dataDir));
        out.append(rule).append('\n');
        String extra = bannerResource(System.getProperty("lifeline.banner"));
        if (extra != null) {
            out.append(extra);
            if (!extra.endsWith("\n")) {
                out.append('\n');
            }
            out.append(rule).append('\n');
        }
        return out.toString();
    }

    /** A file path first, then a classpath resource; absent means no extra text. */
    static String bannerResource(String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        try {
            Path file = Path.of(location);
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            String resource = location.startsWith("/") ? location.substring(1) : location;
            try (InputStream in = LocalRun.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read banner " + location, e);
        }
        System.err.println("Banner " + location + " not found (neither a file nor a classpath resource)");
        return null;
    }

    /**
     * Settings every service gets on top of the stack's, from a properties file: the services run their production
     * jars, whose secrets have no defaults, so the local run supplies local-only stand-ins.
     */
    static Map<String, String> serviceConfig(String file) {
        Map<String, String> config = new LinkedHashMap<>();
        if (file == null || file.isBlank()) {
            return config;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read service config " + file, e);
        }
        properties.stringPropertyNames().stream()
                .sorted()
                .forEach(name -> config.put(name, properties.getProperty(name)));
        return config;
    }

    /** A service that dies later would otherwise go unnoticed behind the banner. */
    private static void reportUnexpectedExit(ServiceProcess process) {
        ProcessHandle.of(process.pid())
                .ifPresent(handle -> handle.onExit().thenRun(() -> {
                    if (!STOPPING.get()) {
                        System.err.println("\n" + process.name() + " has exited; see " + process.logFile());
                    }
                }));
    }

    private static void shutdown(List<ServiceProcess> running, LocalStack stack) {
        STOPPING.set(true);
        // Services first, so they do not spend their last seconds failing against a vanished broker.
        for (ServiceProcess service : snapshot(running)) {
            service.stop();
        }
        stack.stop();
    }

    private static List<ServiceProcess> snapshot(List<ServiceProcess> running) {
        synchronized (running) {
            return new ArrayList<>(running);
        }
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int intProperty(String name, int fallback) {
        String value = property(name, null);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
