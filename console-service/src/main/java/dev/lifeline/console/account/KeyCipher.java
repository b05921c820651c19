package dev.lifeline.console.account;

import dev.lifeline.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * Encrypts a business's API key at rest (AES-256-GCM, nonce || ciphertext). The business id is the associated data,
 * so a ciphertext copied onto another business's row does not decrypt.
 */
@ApplicationScoped
public class KeyCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public KeyCipher(ConsoleConfig config) {
        this(Base64.getDecoder().decode(config.keyEncryptionKey()));
    }

    KeyCipher(byte[] rawKey) {
        if (rawKey.length != 32) {
            throw new IllegalArgumentException("lifeline.console.key-encryption-key must be 32 bytes (base64)");
        }
        this.key = new SecretKeySpec(rawKey, "AES");
    }

    public byte[] encrypt(String plain, UUID businessId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(businessId));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String decrypt(byte[] stored, UUID businessId) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(aad(businessId));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the business's API key does not decrypt (wrong key or row)", e);
        }
    }

    private static byte[] aad(UUID businessId) {
        return businessId.toString().getBytes(StandardCharsets.UTF_8);
    }
}
