package dev.lifeline.console.account;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyCipherTest {

    private final KeyCipher cipher = new KeyCipher(new byte[32]);

    @Test
    void aKeyComesBackAsItWent_andIsNotReadableAtRest() {
        UUID business = UUID.randomUUID();
        byte[] stored = cipher.encrypt("ll_live_secret", business);

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("ll_live_secret");
        assertThat(cipher.decrypt(stored, business)).isEqualTo("ll_live_secret");
        assertThat(cipher.encrypt("ll_live_secret", business)).isNotEqualTo(stored);
    }

    @Test
    void aKeyCopiedOntoAnotherBusinessDoesNotDecrypt() {
        byte[] stored = cipher.encrypt("ll_live_secret", UUID.randomUUID());

        assertThatThrownBy(() -> cipher.decrypt(stored, UUID.randomUUID())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedAtStart() {
        assertThatThrownBy(() -> new KeyCipher(new byte[16])).hasMessageContaining("32 bytes");
    }
}
