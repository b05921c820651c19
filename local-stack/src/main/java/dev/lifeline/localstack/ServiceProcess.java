package dev.lifeline.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A built Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) running as a real OS process,
 * as in production: so a test can kill it mid-flight and start it again.
 * <p>
 * A JVM shutdown hook stops a process that is still running, so none outlives the JVM that started it.
 */
public final class ServiceProcess {

    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 50;
    /** Environment variable the services' prod profile reads: {@code false} for plain-text logs. */
    public static final String LOG_JSON_ENV = "LIFELINE_LOG_JSON";
    /** The services serve health and metrics on this port only, apart from their API. */
    public static final String MANAGEMENT_PORT = "quarkus.management.port";

    private final String name;
    private final int httpPort;
    private final int managementPort;
    private final Path logFile;
    private final Process process;
    private final Thread cleanupHook;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(String name, int httpPort, int managementPort, Path logFile, Process process) {
        this.name = name;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.logFile = logFile;
        this.process = process;
        this.cleanupHook = ShutdownHooks.add("service-" + name, this::terminate);
    }

    /**
     * Runs {@code java -Xmx256m -Dquarkus.http.host=127.0.0.1 -Dquarkus.management.host=127.0.0.1 -Dk=v...
     * -Dquarkus.http.port=P -Dquarkus.management.port=M -jar quarkusRunJar} with the current JVM's {@code java}
     * (M a free port unless {@code systemProperties} name one), stdout and stderr to {@code logFile} (replaced),
     * logging plain text unless this JVM's environment sets {@code LIFELINE_LOG_JSON=true}.
     *
     * @param httpPort 0 picks a free port; {@link #baseUrl()} tells which
     */
    public static ServiceProcess start(
            String name, Path quarkusRunJar, int httpPort, Map<String, String> systemProperties, Path logFile) {
        if (!Files.isRegularFile(quarkusRunJar)) {
            throw new IllegalArgumentException(name + ": no " + quarkusRunJar.toAbsolutePath()
                    + " (build the service first: ./mvnw -pl <module> package)");
        }
        int port = FreePort.orPick(httpPort);
        int management = systemProperties.containsKey(MANAGEMENT_PORT)
                ? Integer.parseInt(systemProperties.get(MANAGEMENT_PORT))
                : FreePort.pick();
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xmx256m");
        // loopback only, like the rest of the local stack; a caller's own value comes later and wins
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.management.host=127.0.0.1");
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-D" + MANAGEMENT_PORT + "=" + management);
        command.add("-jar");
        command.add(quarkusRunJar.toAbsolutePath().toString());
        Path log = logFile.toAbsolutePath();
        Dirs.ensure(log.getParent());
        try {
            ProcessBuilder launch = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            // The production jar logs JSON; these logs are read by people and scanned as text by tests, so plain
            // text unless whoever started this asked for JSON (LIFELINE_LOG_JSON=true in its environment).
            // Tracing stays as the environment says (LIFELINE_TRACING), off by default.
            launch.environment().putIfAbsent(LOG_JSON_ENV, "false");
            Process process = launch.start();
            return new ServiceProcess(name, port, management, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": could not launch " + command.get(0), e);
        }
    }

    /**
     * Polls {@code /q/health/ready} on the management port until it answers 200.
     *
     * @throws IllegalStateException if the process exits or the timeout passes first; the message
     *         carries the last lines of the log
     */
    public void awaitReady(Duration timeout) {
        URI ready = URI.create(managementUrl() + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was ready; last lines of " + logFile + ":\n" + logTail());
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(2))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(name + ": interrupted while waiting for readiness", e);
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException(name + " not ready at " + ready + " within " + timeout + " (" + last
                + "); last lines of " + logFile + ":\n" + logTail());
    }

    /** {@code http://127.0.0.1:port}, no trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** {@code http://127.0.0.1:port} of the management interface (health and metrics), no trailing slash. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    public Path logFile() {
        return logFile;
    }

    /** SIGTERM, so Quarkus shuts down gracefully; forced after 10 s. Idempotent. */
    public void stop() {
        terminate();
        ShutdownHooks.remove(cleanupHook);
    }

    /** SIGKILL: the process gets no chance to finish anything, as in a crash. */
    public void kill() {
        process.destroyForcibly();
        waitFor(GRACE);
        ShutdownHooks.remove(cleanupHook);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The last 50 lines of the log, for failure messages. */
    public String logTail() {
        return LogTail.of(logFile, LOG_TAIL_LINES);
    }

    private void terminate() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(GRACE)) {
            process.destroyForcibly();
            waitFor(GRACE);
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ServiceProcess[" + name + " pid " + process.pid() + " " + baseUrl() + "]";
    }
}
