package dev.lifeline.console.account;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** bcrypt ({@code $2b$}) password hashes. bcrypt reads at most 72 bytes, so longer passwords are refused upstream. */
public final class PasswordHasher {

    public static final int MAX_PASSWORD_BYTES = 72;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Checked against when the e-mail is unknown, so that an unknown address costs as long as a wrong password. */
    private static final String DECOY = OpenBSDBCrypt.generate("2b", "decoy-password".toCharArray(), new byte[16], 10);

    private final int cost;

    public PasswordHasher(int cost) {
        if (cost < 10 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 10..31, got " + cost);
        }
        this.cost = cost;
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password.getBytes(StandardCharsets.UTF_8), salt, cost);
    }

    public boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return false;
        }
        return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
    }

    /** Spends the time of one check, for a sign-in whose e-mail is unknown. */
    public void spendDecoyCheck(String password) {
        OpenBSDBCrypt.checkPassword(DECOY, (password == null ? "" : password).toCharArray());
    }
}
