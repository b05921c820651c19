package dev.lifeline.outreach.unsubscribe;

import dev.lifeline.events.contact.ContactChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkSignerTest {

    private final LinkSigner signer = new LinkSigner("a-test-key-of-enough-length");
    private final LinkSigner.Target target = new LinkSigner.Target("tenant-1", "contact-1", ContactChannel.EMAIL);

    @Test
    void aSignedTokenVerifiesToItsTarget() {
        assertThat(signer.verify(signer.sign(target))).contains(target);
    }

    @Test
    void anEditedOrForeignTokenIsRefused() {
        String token = signer.sign(target);
        String otherPayload = signer.sign(new LinkSigner.Target("tenant-1", "contact-2", ContactChannel.EMAIL))
                .split("\\.")[0];
        assertThat(signer.verify(otherPayload + "." + token.split("\\.")[1])).isEmpty();
        assertThat(new LinkSigner("another-key-of-enough-length").verify(token)).isEmpty();
        assertThat(signer.verify("garbage")).isEmpty();
        assertThat(signer.verify("a.b.c")).isEmpty();
        assertThat(signer.verify(null)).isEmpty();
    }

    @Test
    void aShortKeyIsRejectedAtStartup() {
        assertThatThrownBy(() -> new LinkSigner("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
