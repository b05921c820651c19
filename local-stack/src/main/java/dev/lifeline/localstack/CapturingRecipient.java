package dev.lifeline.localstack;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.internet.MimeMessage;

/**
 * Stands in for every recipient: GreenMail delivers to it instead of creating a mailbox per address,
 * so any address is accepted and a message is stored once, not once per recipient.
 */
final class CapturingRecipient implements GreenMailUser {

    private final MailStore store;
    private final String email;

    CapturingRecipient(MailStore store, String email) {
        this.store = store;
        this.email = email;
    }

    @Override
    public void deliver(MovingMessage msg) {
        store.deliver(msg);
    }

    @Override
    public void deliver(MimeMessage msg) {
        throw new UnsupportedOperationException("Only SMTP deliveries are captured");
    }

    @Override
    public String getEmail() {
        return email;
    }

    @Override
    public String getLogin() {
        return email;
    }

    @Override
    public void create() {}

    @Override
    public void delete() {}

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public void setPassword(String password) {}

    @Override
    public void authenticate(String password) {
        // no authentication: any client may send
    }

    @Override
    public String getQualifiedMailboxName() {
        return email;
    }
}
