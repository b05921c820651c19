package dev.lifeline.console.demo;

import dev.lifeline.console.account.Accounts;
import dev.lifeline.console.account.ConsoleUser;
import dev.lifeline.console.account.PasswordHasher;
import dev.lifeline.console.config.ConsoleConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The local run's demo owner ({@code lifeline.console.demo.*}, set only by system-tests/local-run.properties):
 * created at start through the same path as a verified sign-up, once contact-service answers (the local run starts
 * the services side by side, so it may not be up yet).
 */
public class DemoOwner {

    private static final Logger LOG = Logger.getLogger(DemoOwner.class);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    void onStart(@Observes StartupEvent start, ConsoleConfig config, Accounts accounts, PasswordHasher hasher) {
        config.demo().ifPresent(demo -> {
            Thread creator = new Thread(() -> create(demo, accounts, hasher), "console-demo-owner");
            creator.setDaemon(true);
            creator.start();
        });
    }

    private static void create(ConsoleConfig.Demo demo, Accounts accounts, PasswordHasher hasher) {
        String email = demo.email().toLowerCase(Locale.ROOT);
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (ConsoleUser.byEmail(email).isEmpty()) {
                        accounts.createBusiness(
                                demo.businessName().orElse("Demo shop"),
                                "DE",
                                "Europe/Berlin",
                                List.of("instagram"),
                                email,
                                hasher.hash(demo.password()),
                                () -> "demo-shop-" + Long.toHexString(System.nanoTime() & 0xffffff));
                        LOG.info("Demo owner created");
                    }
                });
                return;
            } catch (RuntimeException e) {
                LOG.debugf("Demo owner not created yet: %s", e.getMessage());
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        LOG.warn("Demo owner not created: contact-service did not answer in time");
    }
}
