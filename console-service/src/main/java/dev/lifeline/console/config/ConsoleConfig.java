package dev.lifeline.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Everything the console reads from configuration ({@code lifeline.console.*}); see console-service/README.md. */
@ConfigMapping(prefix = "lifeline.console")
public interface ConsoleConfig {

    /** Origin of links in e-mails, e.g. {@code http://localhost:8085}; no trailing slash. */
    String publicBaseUrl();

    /** The operator switches self sign-up off with {@code false}: the page then says so and creates nothing. */
    @WithDefault("true")
    boolean signupEnabled();

    /** The operator's admin key for contact-service's {@code /api/v1/admin/tenants}; the owner never sees it. */
    String adminKey();

    /** Base64 of 32 random bytes: AES-256-GCM key for the businesses' API keys at rest. */
    String keyEncryptionKey();

    Services services();

    Sessions sessions();

    SignInLimit signInLimit();

    /** bcrypt cost of password hashes (2^cost rounds); at least 10. */
    @WithDefault("12")
    int bcryptCost();

    /** How long a sign-up's verification link works. */
    @WithDefault("P2D")
    Duration verificationTtl();

    /** How long a team invitation's link works. */
    @WithDefault("P7D")
    Duration invitationTtl();

    /** How long a mailed sign-in link works; it is also dead after one use. */
    @WithDefault("PT15M")
    Duration signInLinkTtl();

    /** The longest the console waits for the SMTP server to take a mail; a page never hangs on a slow relay. */
    @WithDefault("PT10S")
    Duration mailTimeout();

    /** A demo owner created at start, for the local run only; absent elsewhere. */
    Optional<Demo> demo();

    interface Services {
        String contactUrl();

        /**
         * contact-service as customers' browsers reach it (the hosted form, the embed snippet); absent: {@link
         * #contactUrl()}, which is right when both are the same address (the local run).
         */
        Optional<String> contactPublicUrl();

        String monitorUrl();

        String outreachUrl();

        @WithDefault("PT5S")
        Duration timeout();
    }

    interface Sessions {
        @WithDefault("P7D")
        Duration ttl();
    }

    interface SignInLimit {
        /** Failed sign-ins per e-mail address within {@link #window()}. */
        @WithDefault("5")
        int perEmail();

        /** Sign-in attempts per client IP within {@link #window()}. */
        @WithDefault("30")
        int perIp();

        @WithDefault("PT15M")
        Duration window();
    }

    interface Demo {
        String email();

        String password();

        /** No default here: a defaulted member would make the group look present in every profile. */
        Optional<String> businessName();
    }
}
