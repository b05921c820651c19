package dev.lifeline.outreach.email;

import dev.lifeline.outreach.delivery.RenderedMessage;
import dev.lifeline.outreach.sender.DkimSigning;
import dev.lifeline.outreach.sender.MailAddresses;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.CanonicalizationAlgorithm;
import io.vertx.ext.mail.DKIMSignAlgorithm;
import io.vertx.ext.mail.DKIMSignOptions;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

/**
 * Sends a business's mail DKIM-signed with its own key (relaxed/relaxed, rsa-sha256).
 * <p>
 * Why a Vert.x mail client per key rather than signing ourselves: the signature must cover the exact bytes that go
 * out, and those (MIME boundaries, encoded words, Date, line folding) are made inside the Vert.x mail client at send
 * time, which offers no hook to sign a message it encoded. Its own signer (the one Quarkus' single
 * {@code quarkus.mailer.dkim} key would use) signs what it sends, but is configured per client. So each key gets a
 * client of its own (a few: {@link #SIGNERS_PER_KEY}), and every one of them is created with
 * {@link MailClient#createShared} under one pool name: they share a single SMTP connection pool, so a thousand
 * businesses with their own keys still mean at most {@code max-pool-size} connections, not a pool each. Clients are
 * made once per key and kept.
 * <p>
 * The SMTP settings are those of the Quarkus mailer (host, port, TLS, credentials, pool size…), copied from its Vert.x
 * client so that the two can never differ; Quarkus keeps that configuration inside the client only, hence the one
 * reflective read in {@link #baseConfig()} (checked by {@code DkimSigningTest}, which sends through here).
 * <p>
 * The envelope sender (bounce address) stays the service's own: bounces come back to the service, and DMARC aligns
 * through the DKIM signature of the From domain, not through SPF of a server the business does not run.
 */
@ApplicationScoped
public class DkimMailer {

    static final String POOL = "lifeline-outreach-dkim";
    /** RFC 6376 §5.4.1's recommendations plus both RFC 8058 headers; an absent one (Reply-To) is signed as absent. */
    static final List<String> SIGNED_HEADERS = List.of(
            "From",
            "Reply-To",
            "Subject",
            "Date",
            "To",
            "Message-ID",
            "MIME-Version",
            "Content-Type",
            "List-Unsubscribe",
            "List-Unsubscribe-Post");

    private static final int MAX_KEYS = 1_000;
    /**
     * Clients per key. Each Vert.x signer holds one {@code Signature} and signs under its lock, and an
     * RSA-2048 signature takes a millisecond or two: one signer per key would cap a big business's signed mail at a
     * few hundred messages a second whatever the machine. One per core lets the event loops sign in parallel.
     */
    private static final int SIGNERS_PER_KEY = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Inject
    Vertx vertx;

    @Inject
    MailClient quarkusClient;

    @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "30S")
    Duration timeout;

    @ConfigProperty(name = "quarkus.mailer.bounce-address")
    Optional<String> bounceAddress;

    @ConfigProperty(name = "quarkus.mailer.from", defaultValue = "lifeline@localhost")
    String defaultFrom;

    private final Map<UUID, List<MailClient>> clients = new ConcurrentHashMap<>();
    private volatile MailConfig base;

    /** Blocks until the SMTP server accepted the message; a refusal or timeout is thrown for {@code EmailSender}. */
    public void send(
            DkimSigning signing,
            String from,
            String replyTo,
            String to,
            RenderedMessage message,
            Map<String, String> headers) {
        MailMessage mail = new MailMessage()
                .setFrom(from)
                .setTo(to)
                .setSubject(message.subject())
                .setText(message.text())
                .setBounceAddress(bounceAddress.orElse(MailAddresses.addressIn(defaultFrom)));
        if (message.html() != null) {
            mail.setHtml(message.html());
        }
        headers.forEach(mail::addHeader);
        if (replyTo != null) {
            mail.addHeader("Reply-To", replyTo);
        }
        try {
            client(signing)
                    .sendMail(mail)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new CompletionException(e.getCause());
        } catch (TimeoutException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    private MailClient client(DkimSigning signing) {
        List<MailClient> forKey = clients.get(signing.keyId());
        if (forKey == null) {
            if (clients.size() >= MAX_KEYS) {
                closeAll();
            }
            forKey = clients.computeIfAbsent(
                    signing.keyId(),
                    id -> IntStream.range(0, SIGNERS_PER_KEY)
                            .mapToObj(i -> MailClient.createShared(vertx, configFor(signing), POOL))
                            .toList());
        }
        return forKey.get(ThreadLocalRandom.current().nextInt(forKey.size()));
    }

    private MailConfig configFor(DkimSigning signing) {
        DKIMSignOptions dkim = new DKIMSignOptions()
                .setSdid(signing.domain())
                .setSelector(signing.selector())
                .setPrivateKey(signing.privateKey())
                .setSignAlgo(DKIMSignAlgorithm.RSA_SHA256)
                .setHeaderCanonAlgo(CanonicalizationAlgorithm.RELAXED)
                .setBodyCanonAlgo(CanonicalizationAlgorithm.RELAXED)
                .setSignedHeaders(SIGNED_HEADERS);
        return new MailConfig(baseConfig()).setEnableDKIM(true).setDKIMSignOptions(List.of(dkim));
    }

    private MailConfig baseConfig() {
        MailConfig config = base;
        if (config == null) {
            try {
                Field field = quarkusClient.getClass().getDeclaredField("config");
                field.setAccessible(true);
                config = new MailConfig((MailConfig) field.get(quarkusClient));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException(
                        "Cannot read the SMTP settings of the Quarkus mailer's Vert.x client "
                                + quarkusClient.getClass().getName() + " (did its field 'config' change?)",
                        e);
            }
            base = config;
        }
        return config;
    }

    @PreDestroy
    void closeAll() {
        clients.values().forEach(forKey -> forKey.forEach(MailClient::close));
        clients.clear();
    }
}
