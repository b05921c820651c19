package dev.lifeline.outreach.sender;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A sending domain as the API shows it: its keys' DNS records to publish, never a private key. */
public record DomainView(
        UUID id, String domain, boolean verified, Instant verifiedAt, Instant createdAt, List<KeyView> keys) {

    public record KeyView(
            String selector, KeyState state, DkimRecord dnsRecord, Instant createdAt, Instant verifiedAt) {}

    public static DomainView of(SendingDomain d, List<DkimKey> keys) {
        return new DomainView(
                d.id,
                d.domain,
                d.verified(),
                d.verifiedAt,
                d.createdAt,
                keys.stream()
                        .map(k -> new KeyView(
                                k.selector,
                                k.state,
                                DkimRecord.of(d.domain, k.selector, k.publicKey),
                                k.createdAt,
                                k.verifiedAt))
                        .toList());
    }
}
