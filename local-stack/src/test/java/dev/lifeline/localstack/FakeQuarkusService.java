package dev.lifeline.localstack;

import com.sun.net.httpserver.HttpServer;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for a built Quarkus service in ServiceProcess and LocalRun tests: same port properties, the API on
 * one and readiness on the management port only, and it prints the config it got so the test can check what was passed.
 */
public final class FakeQuarkusService {

    public static void main(String[] args) throws Exception {
        String exitCode = System.getProperty("fake.exit-code");
        if (exitCode != null) {
            System.out.println("fake service failing on purpose");
            System.exit(Integer.parseInt(exitCode));
        }
        System.out.println("fake.greeting=" + System.getProperty("fake.greeting"));
        System.out.println("kafka.bootstrap.servers=" + System.getProperty("kafka.bootstrap.servers"));
        int port = Integer.getInteger("quarkus.http.port");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        HttpServer management = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.getInteger("quarkus.management.port")),
                8);
        long readyAt = System.currentTimeMillis() + Long.getLong("fake.ready-delay-ms", 300);
        management.createContext("/q/health/ready", exchange -> {
            boolean ready = System.currentTimeMillis() >= readyAt;
            byte[] body = (ready ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ready ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        management.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("fake service stopping")));
        System.out.println("fake service listening on " + port);
        Thread.currentThread().join();
    }
}
