package dev.lifeline.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.time.Duration;
import java.util.List;

/**
 * A real SMTP server (GreenMail) that accepts any sender and recipient without authentication and
 * keeps every message in memory, plus a web page on which a person can read them.
 * <p>
 * Not a benchmark sink: GreenMail takes a few hundred messages a second and keeps them all.
 */
public final class MailCatcher {

    private static final String HOST = "127.0.0.1";
    private static final int IDLE_CONNECTION_TIMEOUT_MS = 10 * 60 * 1000;

    private final MailStore store = new MailStore();
    private final GreenMail smtp;
    private final MailWebServer web;
    private final int smtpPort;

    private MailCatcher(int smtpPort, int webPort) {
        QuietLogs.apply();
        this.smtpPort = smtpPort;
        ServerSetup setup = new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP);
        this.smtp = new GreenMail(setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.getUserManager()
                .setMessageDeliveryHandler((message, address) -> new CapturingRecipient(store, address.getEmail()));
        smtp.start();
        // GreenMail drops a connection idle for 30 s with "421 shutting down"; Quarkus's mailer keeps
        // connections pooled for up to 300 s and would read that 421 as the answer to its next mail.
        smtp.getSmtp().setClientSocketTimeout(IDLE_CONNECTION_TIMEOUT_MS);
        try {
            this.web = new MailWebServer(store, webPort, smtpPort);
        } catch (RuntimeException e) {
            smtp.stop();
            throw e;
        }
        ShutdownHooks.add("mail-" + smtpPort, this::stop);
    }

    /** SMTP on {@code smtpPort} and the web page on {@code webPort}, both loopback; 0 = any free port. */
    public static MailCatcher start(int smtpPort, int webPort) {
        return new MailCatcher(FreePort.orPick(smtpPort), webPort);
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** The page listing the captured mail, e.g. {@code http://127.0.0.1:8025/}. */
    public String webUrl() {
        return "http://" + HOST + ":" + web.port() + "/";
    }

    /** Everything received since the start or the last {@link #clear()}, oldest first. */
    public List<CapturedMail> messages() {
        return store.messages();
    }

    /** Waits until at least {@code n} messages have been received; false on timeout. */
    public boolean awaitCount(int n, Duration timeout) {
        try {
            return store.awaitCount(n, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void clear() {
        store.clear();
    }

    /** Idempotent. */
    public synchronized void stop() {
        if (smtp.isRunning()) {
            smtp.stop();
            web.stop();
        }
    }

    @Override
    public String toString() {
        return "MailCatcher[smtp " + HOST + ":" + smtpPort + ", " + webUrl() + "]";
    }
}
