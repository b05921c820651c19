package dev.lifeline.outreach.ops;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Ready only when the SMTP server greets us (220): without it no e-mail campaign can go out. */
@Readiness
@ApplicationScoped
public class SmtpReadiness implements HealthCheck {

    @ConfigProperty(name = "quarkus.mailer.host")
    String host;

    @ConfigProperty(name = "quarkus.mailer.port")
    int port;

    @Override
    public HealthCheckResponse call() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            socket.setSoTimeout(2000);
            String greeting = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            socket.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            boolean up = greeting != null && greeting.startsWith("220");
            return HealthCheckResponse.named("smtp")
                    .status(up)
                    .withData("server", host + ":" + port)
                    .build();
        } catch (Exception e) {
            return HealthCheckResponse.named("smtp")
                    .down()
                    .withData("server", host + ":" + port)
                    .withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
