package dev.lifeline.contact.optin;

import dev.lifeline.events.contact.ContactChannel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfirmationTokensTest {

    private final ConfirmationTokens tokens = new ConfirmationTokens("a-secret-of-sufficient-length");
    private final Instant now = Instant.parse("2026-03-05T12:00:00Z");
    private final ConfirmationTokens.Claims claims = new ConfirmationTokens.Claims(
            UUID.randomUUID(),
            UUID.randomUUID(),
            EnumSet.of(ContactChannel.EMAIL, ContactChannel.SMS),
            now.plusSeconds(3600));

    @Test
    void aTokenVerifiesToItsClaimsUntilItExpires() {
        String token = tokens.issue(claims);
        assertThat(tokens.verify(token, now)).isEqualTo(new ConfirmationTokens.Verdict.Valid(claims));
        assertThat(tokens.verify(token, now.plusSeconds(3601))).isInstanceOf(ConfirmationTokens.Verdict.Expired.class);
    }

    @Test
    void aChangedTokenIsInvalid() {
        String token = tokens.issue(claims);
        char[] chars = token.toCharArray();
        chars[3] = chars[3] == 'A' ? 'B' : 'A';
        assertThat(tokens.verify(new String(chars), now)).isInstanceOf(ConfirmationTokens.Verdict.Invalid.class);
        assertThat(tokens.verify(token + "x", now)).isInstanceOf(ConfirmationTokens.Verdict.Invalid.class);
        assertThat(tokens.verify("", now)).isInstanceOf(ConfirmationTokens.Verdict.Invalid.class);
        assertThat(tokens.verify(null, now)).isInstanceOf(ConfirmationTokens.Verdict.Invalid.class);
        assertThat(new ConfirmationTokens("another-secret-of-length").verify(token, now))
                .isInstanceOf(ConfirmationTokens.Verdict.Invalid.class);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new ConfirmationTokens("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
