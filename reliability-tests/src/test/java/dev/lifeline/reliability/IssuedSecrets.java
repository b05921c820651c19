package dev.lifeline.reliability;

import dev.lifeline.system.RunningSystem;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Secrets this run handed to or learnt from the services (API keys issued to the bad-input and security tests'
 * tenants, signed links from mails), so that {@link LogScanTest} can look for each of them, verbatim, in every log.
 * Keys issued by other tests are found there by their shape ({@code ll_} and 43 characters) instead.
 */
final class IssuedSecrets {

    /** What RunningSystem passes every service: the operator's key and the two link-signing keys. */
    static final Set<String> CONFIGURED = Set.of(
            RunningSystem.ADMIN_KEY,
            "system-test-link-signing-key-0123456789abcdef",
            "system-test-link-secret-0123456789abcdef");

    private static final Set<String> ISSUED = new LinkedHashSet<>();

    private IssuedSecrets() {}

    static synchronized void add(String secret) {
        if (secret != null && !secret.isBlank()) {
            ISSUED.add(secret);
        }
    }

    static synchronized Set<String> all() {
        Set<String> all = new LinkedHashSet<>(CONFIGURED);
        all.addAll(ISSUED);
        return all;
    }
}
