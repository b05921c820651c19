package dev.lifeline.console.config;

import dev.lifeline.console.account.PasswordHasher;
import dev.lifeline.console.session.SignInLimiter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The plain (Quarkus-free) classes, built from configuration. */
public class Beans {

    @Produces
    @Singleton
    PasswordHasher passwordHasher(ConsoleConfig config) {
        return new PasswordHasher(config.bcryptCost());
    }

    @Produces
    @Singleton
    SignInLimiter signInLimiter(ConsoleConfig config) {
        ConsoleConfig.SignInLimit limit = config.signInLimit();
        return new SignInLimiter(limit.perEmail(), limit.perIp(), limit.window(), Clock.systemUTC());
    }
}
