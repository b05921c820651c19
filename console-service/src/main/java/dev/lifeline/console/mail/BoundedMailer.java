package dev.lifeline.console.mail;

import dev.lifeline.console.config.ConsoleConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Sends the console's mails with a deadline ({@code lifeline.console.mail-timeout}): a slow or stuck SMTP relay makes
 * a send fail, never a page hang. Callers send after their transaction committed, so no database lock waits on SMTP.
 * Addresses are never logged.
 */
@ApplicationScoped
public class BoundedMailer {

    private static final Logger LOG = Logger.getLogger(BoundedMailer.class);

    private final ReactiveMailer mailer;
    private final Duration timeout;

    public BoundedMailer(ReactiveMailer mailer, ConsoleConfig config) {
        this.mailer = mailer;
        this.timeout = config.mailTimeout();
    }

    /** Sends and waits at most the timeout; false when the mail did not go out (the reason is logged). */
    public boolean sendNow(Mail mail, String what) {
        try {
            mailer.send(mail).await().atMost(timeout);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("The %s mail was not sent: %s", what, e.getMessage());
            return false;
        }
    }

    /**
     * Sends without waiting, for answers that must not take longer when a mail goes out (they would tell who has an
     * account). Still bounded by the timeout; a failure is only logged.
     */
    public void sendLater(Mail mail, String what) {
        // One retry: a first SMTP connection on a loaded machine can miss the deadline; a second link mail is harmless.
        mailer.send(mail)
                .ifNoItem()
                .after(timeout)
                .fail()
                .onFailure()
                .retry()
                .atMost(1)
                .subscribe()
                .with(done -> {}, failure -> LOG.warnf("The %s mail was not sent: %s", what, failure.getMessage()));
    }
}
