package dev.lifeline.system;

import dev.lifeline.localstack.FreePort;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.localstack.ServiceProcess;
import dev.lifeline.localstack.simulator.PlatformSimulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three services (and, when asked, the owner's console) started from their built jars as separate processes against one real broker, database and
 * SMTP server — the system as an operator would run it. Test suites use it to crash, restart and add instances the
 * way an operator (or a failing machine) would.
 *
 * <p>Longer than most classes because it is the one place that knows how each service is configured, started,
 * killed and added as another instance; the suites only name what they want.
 */
public final class RunningSystem implements AutoCloseable {

    public static final String ADMIN_KEY = "system-test-admin-key";
    /** The bearer secret outreach-service's DSN pipe endpoint takes ({@code lifeline.bounces.dsn.secret}). */
    public static final String DSN_SECRET = "system-test-dsn-pipe-secret-0123456789";
    /**
     * A test key pair for SendGrid's Signed Event Webhook (ECDSA P-256): outreach-service verifies with the public
     * half ({@code lifeline.bounces.sendgrid.verification-key}), tests sign as SendGrid with the private half (PKCS#8).
     */
    public static final String SENDGRID_PUBLIC_KEY =
            "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEa1sECYTZNC4Vd6RdOC2JF2V96V+25I47UT7N"
                    + "og7htruSoimIiMSz9Hkak7PALwmKgDGPrAnZ9v3MgIpBRpdUeg==";

    public static final String SENDGRID_PRIVATE_KEY =
            "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgO9O+frJ6PkxjU1n1JdMif"
                    + "BPr5PuOqh2+xmQ8uiB49YChRANCAARrWwQJhNk0LhV3pF04LYkXZX3pX7bkjjtRPs2iDuG2u5KiKYiIxLP0eRqTs8AvCYqAMY+sCdn2/cyAikFGl1R6";
    public static final String CONTACT = "contact-service";
    public static final String MONITOR = "monitor-service";
    public static final String OUTREACH = "outreach-service";
    public static final String CONSOLE = "console-service";

    private static final Map<String, String> DATABASES =
            Map.of(CONTACT, "contact", MONITOR, "monitor", OUTREACH, "outreach", CONSOLE, "console");
    /** How long an instance may take to be ready; -Dlifeline.ready-timeout-seconds for a machine under heavy load. */
    private static final Duration READY = Duration.ofSeconds(Long.getLong("lifeline.ready-timeout-seconds", 180));

    public final LocalStack stack;
    private final Path home;
    private final Path logs;
    private final Map<String, Map<String, String>> extraConfig;
    /** The platforms the monitor watches, when the system was started with one; else the catalogue is off. */
    private final PlatformSimulator simulator;
    /** Instance name (service name, or service name plus a suffix for extra instances) to its running process. */
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    /** outreach-service's port, known before anything starts: contact-service asks it for subject access requests. */
    private int outreachPort;

    private record Instance(String service, int port, ServiceProcess process) {}

    private RunningSystem(
            LocalStack stack,
            Path home,
            Path logs,
            Map<String, Map<String, String>> extraConfig,
            PlatformSimulator simulator) {
        this.stack = stack;
        this.home = home;
        this.logs = logs;
        this.extraConfig = extraConfig;
        this.simulator = simulator;
    }

    /** The three services with their defaults. */
    public static RunningSystem start() {
        return start(Map.of());
    }

    /**
     * The three services; {@code extraConfig} maps a service name ({@link #CONTACT}, ...) to system properties added
     * to (and overriding) what the system passes it, e.g. a slower send rate so that a fault lands mid-run.
     */
    public static RunningSystem start(Map<String, Map<String, String>> extraConfig) {
        return start(extraConfig, false);
    }

    /**
     * As {@link #start(Map)}; with {@code platformSimulator}, an in-process platform simulator stands in for the
     * platforms and the monitor's catalogue probes it (there is no internet here), so that tests can take a platform
     * down and bring it back ({@link #simulator()}). Without, the catalogue is off and outages are declared by hand.
     */
    public static RunningSystem start(Map<String, Map<String, String>> extraConfig, boolean platformSimulator) {
        PlatformSimulator simulator = null;
        if (platformSimulator) {
            try {
                simulator = PlatformSimulator.start(FreePort.pick());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path home = Path.of(System.getProperty("lifeline.services.dir", ".."))
                .toAbsolutePath()
                .normalize();
        Path logs = Path.of(System.getProperty("lifeline.logs.dir", "target/service-logs"))
                .toAbsolutePath();
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RunningSystem system =
                new RunningSystem(LocalStack.start(LocalStack.Ports.random()), home, logs, extraConfig, simulator);
        try {
            system.outreachPort = FreePort.pick();
            system.launch(CONTACT, CONTACT, FreePort.pick());
            system.launch(MONITOR, MONITOR, FreePort.pick());
            system.launch(OUTREACH, OUTREACH, system.outreachPort);
            system.awaitAllReady();
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
        return system;
    }

    /** The platform simulator the monitor probes; only for a system started with one. */
    public PlatformSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("this system was started without a platform simulator");
        }
        return simulator;
    }

    public ServiceProcess contacts() {
        return process(CONTACT);
    }

    public ServiceProcess monitor() {
        return process(MONITOR);
    }

    public ServiceProcess outreach() {
        return process(OUTREACH);
    }

    /**
     * The owner's console in front of the running services, ready when this returns; {@code extra} adds to (and
     * overrides) its configuration, e.g. a demo owner. Stopped with the system.
     */
    public ServiceProcess startConsole(Map<String, String> extra) {
        ServiceProcess process = launch(CONSOLE, CONSOLE, FreePort.pick(), extra);
        process.awaitReady(READY);
        return process;
    }

    /** A running instance by name: a service name, or the name given to {@link #addInstance}. */
    public synchronized ServiceProcess process(String instance) {
        Instance running = instances.get(instance);
        if (running == null) {
            throw new IllegalArgumentException("no instance " + instance + " (have " + instances.keySet() + ")");
        }
        return running.process();
    }

    /** Another instance of a service (same database, same consumer groups), ready when this returns. */
    public ServiceProcess addInstance(String service, String instanceName) {
        ServiceProcess process = launch(service, instanceName, FreePort.pick());
        process.awaitReady(READY);
        return process;
    }

    /** kill -9: the instance gets no chance to finish anything. */
    public void kill(String instance) {
        process(instance).kill();
    }

    /** Stops an instance (gracefully) and forgets it, e.g. an extra instance a test no longer needs. */
    public void remove(String instance) {
        ServiceProcess process = process(instance);
        process.stop();
        synchronized (this) {
            instances.remove(instance);
        }
    }

    /** Starts a killed or stopped instance again on its port and waits until it is ready. */
    public ServiceProcess restart(String instance) {
        ServiceProcess process = relaunch(instance);
        process.awaitReady(READY);
        return process;
    }

    /**
     * Starts a killed or stopped instance again on its port without waiting for readiness, e.g. while the broker is
     * down and readiness cannot be reached.
     */
    public ServiceProcess relaunch(String instance) {
        Instance old;
        synchronized (this) {
            old = instances.get(instance);
        }
        old.process().stop();
        return launch(old.service(), instance, old.port());
    }

    public List<ServiceProcess> processes() {
        synchronized (this) {
            return instances.values().stream().map(Instance::process).toList();
        }
    }

    /** Every instance answers ready, as after an incident nobody repaired by hand. */
    public void awaitAllReady() {
        for (ServiceProcess process : processes()) {
            process.awaitReady(READY);
        }
    }

    /** Where each instance's stdout and stderr go, one file per instance. */
    public Path logsDir() {
        return logs;
    }

    public static Map<String, String> admin() {
        return Map.of("X-Admin-Key", ADMIN_KEY);
    }

    public static Map<String, String> tenant(String apiKey) {
        return Map.of("Authorization", "Bearer " + apiKey);
    }

    private ServiceProcess launch(String service, String instanceName, int port) {
        return launch(service, instanceName, port, Map.of());
    }

    private ServiceProcess launch(String service, String instanceName, int port, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(stack.quarkusConfig(DATABASES.get(service)));
        config.put("lifeline.admin-key", ADMIN_KEY);
        config.put("lifeline.link-signing-key", "system-test-link-signing-key-0123456789abcdef");
        config.put("lifeline.contact.link-secret", "system-test-link-secret-0123456789abcdef");
        // No network here: the catalogue must not probe the public sites, or every platform would look down.
        if (simulator == null) {
            config.put("lifeline.monitor.catalog-mode", "disabled");
        } else {
            config.put("lifeline.monitor.catalog-mode", "simulator");
            config.put("lifeline.monitor.simulator-url", simulator.baseUrl());
        }
        // Each monitor replica votes under its own name and reads the shared topics in consumer groups of its own.
        config.put("lifeline.monitor.instance-id", instanceName);
        if (CONTACT.equals(service)) {
            config.put("lifeline.contact.outreach-url", "http://127.0.0.1:" + outreachPort);
            // Its own address, as the hosted form's snippet and confirmation links name it to browsers.
            config.put("lifeline.contact.public-base-url", "http://127.0.0.1:" + port);
        }
        if (OUTREACH.equals(service)) {
            config.put("lifeline.bounces.sendgrid.verification-key", SENDGRID_PUBLIC_KEY);
            config.put("lifeline.bounces.dsn.secret", DSN_SECRET);
        }
        if (CONSOLE.equals(service)) {
            config.putAll(consoleConfig(port));
        }
        // Tests' probe targets and webhooks are local servers; production allows no internal address.
        config.put("lifeline.egress.allow-cidrs", "127.0.0.0/8,::1/128");
        config.putAll(extraConfig.getOrDefault(service, Map.of()));
        config.putAll(extra);
        Path jar = home.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        // A restarted instance appends to its log, so a whole run's logs stay in one file per instance.
        Path log = logs.resolve(instanceName + ".log");
        Path previous = logs.resolve(instanceName + ".log.previous");
        try {
            if (Files.exists(log)) {
                try (var in = Files.newInputStream(log)) {
                    Files.write(previous, in.readAllBytes(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServiceProcess process = ServiceProcess.start(instanceName, jar, port, config, log);
        synchronized (this) {
            instances.put(instanceName, new Instance(service, port, process));
        }
        return process;
    }

    /** The console talks to the services only over their public APIs, at their URLs in this system. */
    private Map<String, String> consoleConfig(int port) {
        Map<String, String> config = new HashMap<>();
        config.put("lifeline.console.public-base-url", "http://localhost:" + port);
        config.put("lifeline.console.admin-key", ADMIN_KEY);
        config.put("lifeline.console.key-encryption-key", "c3lzdGVtLXRlc3QtY29uc29sZS1rZXktMzItYnl0ZXM=");
        config.put("lifeline.console.services.contact-url", process(CONTACT).baseUrl());
        config.put("lifeline.console.services.monitor-url", process(MONITOR).baseUrl());
        config.put("lifeline.console.services.outreach-url", process(OUTREACH).baseUrl());
        config.put("lifeline.console.bcrypt-cost", "10");
        // The machines that run these suites are often loaded: more patience with the services than in production.
        config.put("lifeline.console.services.timeout", "PT15S");
        return config;
    }

    @Override
    public void close() {
        List<ServiceProcess> running = new ArrayList<>(processes());
        Collections.reverse(running);
        running.forEach(ServiceProcess::stop);
        stack.stop();
        if (simulator != null) {
            simulator.close();
        }
    }
}
