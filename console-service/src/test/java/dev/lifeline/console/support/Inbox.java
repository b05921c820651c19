package dev.lifeline.console.support;

import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.LocalStack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mails local-stack's SMTP catcher received, waited for by polling with a generous deadline: the machine is shared
 * and a send may take seconds under load, so no test assumes a time.
 */
public final class Inbox {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final LocalStack stack;

    public Inbox(LocalStack stack) {
        this.stack = stack;
    }

    /** The newest of {@code count} mails to the address; fails the test after the deadline. */
    public CapturedMail awaitMail(String to, int count) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            List<CapturedMail> mails = mailsTo(to);
            if (mails.size() >= count) {
                return mails.get(mails.size() - 1);
            }
            sleep(100);
        }
        throw new AssertionError("fewer than " + count + " mails to " + to + " within " + DEADLINE);
    }

    public CapturedMail awaitMail(String to) {
        return awaitMail(to, 1);
    }

    public List<CapturedMail> mailsTo(String to) {
        return stack.mail().messages().stream().filter(m -> m.to().contains(to)).toList();
    }

    /** The path and query of the first link in the mail's text that starts with {@code pathPrefix}. */
    public static String link(CapturedMail mail, String pathPrefix) {
        Matcher matcher = Pattern.compile("http://[^/\\s]+(" + Pattern.quote(pathPrefix) + "\\S*)")
                .matcher(mail.text());
        if (!matcher.find()) {
            throw new AssertionError("no " + pathPrefix + " link in: " + mail.text());
        }
        return matcher.group(1);
    }

    /** The token query parameter of such a path. */
    public static String token(String path) {
        return path.substring(path.indexOf("token=") + "token=".length());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
