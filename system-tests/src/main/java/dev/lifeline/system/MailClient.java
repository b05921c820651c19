package dev.lifeline.system;

import dev.lifeline.localstack.CapturedMail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What a contact's mail client does with a mail Lifeline sent, against the running system. */
public final class MailClient {

    private MailClient() {}

    /**
     * The one-click unsubscribe of the first mail to the address (RFC 8058): a form post to the List-Unsubscribe link,
     * expecting no JSON back (Http asks for JSON, which the unsubscribe page answers with 406).
     */
    public static void unsubscribeOneClick(RunningSystem system, String address) {
        CapturedMail mail = system.stack.mail().messages().stream()
                .filter(m -> m.to().contains(address))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no mail to " + address));
        String link = mail.header("List-Unsubscribe").replaceAll("[<>]", "");
        String path = link.substring(link.indexOf("/unsubscribe/"));
        HttpRequest oneClick = HttpRequest.newBuilder(
                        URI.create(system.outreach().baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build();
        try {
            int status = HttpClient.newHttpClient()
                    .send(oneClick, HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status < 200 || status > 299) {
                throw new AssertionError("one-click unsubscribe answered " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
