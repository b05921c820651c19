package dev.lifeline.outreach.sender;

import dev.lifeline.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A business's sending domains and their DKIM keys: add (with a first key), verify against DNS, rotate, remove. A
 * new key signs only once its record was found in DNS, so a rotation never signs with a key receivers cannot find.
 */
@ApplicationScoped
public class SendingDomainService {

    @Inject
    DnsTxtResolver dns;

    @Inject
    SenderProfiles profiles;

    private final Clock clock = Clock.systemUTC();

    public List<DomainView> list(String tenantId) {
        return SendingDomain.ofTenant(tenantId).stream()
                .map(d -> DomainView.of(d, DkimKey.ofDomain(d.id)))
                .toList();
    }

    public DomainView get(String tenantId, UUID id) {
        SendingDomain d = domain(tenantId, id);
        return DomainView.of(d, DkimKey.ofDomain(d.id));
    }

    @Transactional
    public DomainView add(String tenantId, DomainRequest request) {
        String name = DomainNames.normalise(request.domain())
                .orElseThrow(() -> ProblemException.field(
                        400,
                        "domain",
                        "must be a domain name such as mail.shop.example (letters, digits, inner hyphens; xn-- for "
                                + "internationalised names)"));
        if (SendingDomain.named(tenantId, name).isPresent()) {
            throw ProblemException.field(409, "domain", "is already a sending domain of this business");
        }
        SendingDomain d = new SendingDomain();
        d.id = UUID.randomUUID();
        d.tenantId = tenantId;
        d.domain = name;
        d.createdAt = now();
        d.persist();
        newKey(d);
        return DomainView.of(d, DkimKey.ofDomain(d.id));
    }

    /**
     * Looks up the record of the newest key that does not sign yet (or, without one, of the signing key). Found: that
     * key signs from now on, the one it replaces is retired, and the domain is verified.
     */
    @Transactional
    public DomainView verify(String tenantId, UUID id) {
        SendingDomain d = domain(tenantId, id);
        List<DkimKey> keys = DkimKey.ofDomain(d.id);
        DkimKey candidate = keys.stream()
                .filter(k -> k.state == KeyState.PENDING)
                .max(Comparator.comparing(k -> k.createdAt))
                .or(() -> keys.stream().filter(k -> k.state == KeyState.ACTIVE).findFirst())
                .orElseThrow(() ->
                        ProblemException.field(409, "keys", "the domain has no key to verify: rotate to create one"));
        String name = DkimRecord.name(d.domain, candidate.selector);
        List<String> published;
        try {
            published = dns.txt(name);
        } catch (DnsTxtResolver.LookupFailed e) {
            throw new ProblemException(503, "Service Unavailable", "The DNS lookup of " + name + " failed; try again");
        }
        if (published.stream().noneMatch(txt -> DkimRecord.publishes(txt, candidate.publicKey))) {
            throw ProblemException.field(
                    422,
                    "dnsRecord",
                    "no TXT record at " + name + " publishes the key of selector "
                            + candidate.selector + " (" + published.size() + " TXT record(s) found there); publish the "
                            + "record shown for it and try again");
        }
        Instant now = now();
        if (candidate.state == KeyState.PENDING) {
            keys.stream().filter(k -> k.state == KeyState.ACTIVE).forEach(k -> k.state = KeyState.RETIRED);
            // The retirement must reach the table before the activation: one active key per domain is a unique index.
            DkimKey.flush();
            candidate.state = KeyState.ACTIVE;
            candidate.verifiedAt = now;
        }
        if (d.verifiedAt == null) {
            d.verifiedAt = now;
        }
        profiles.forget(tenantId);
        return DomainView.of(d, keys);
    }

    /** A new key under a new selector; it waits (pending) until its record is verified, the current one signs meanwhile. */
    @Transactional
    public DomainView rotate(String tenantId, UUID id) {
        SendingDomain d = domain(tenantId, id);
        Optional<DkimKey> pending = DkimKey.ofDomain(d.id).stream()
                .filter(k -> k.state == KeyState.PENDING)
                .findFirst();
        if (pending.isPresent()) {
            throw ProblemException.field(
                    409,
                    "keys",
                    "selector " + pending.get().selector + " is still pending: "
                            + "publish and verify it, or remove it, before another rotation");
        }
        newKey(d);
        return DomainView.of(d, DkimKey.ofDomain(d.id));
    }

    @Transactional
    public void removeKey(String tenantId, UUID id, String selector) {
        SendingDomain d = domain(tenantId, id);
        DkimKey key = DkimKey.ofDomain(d.id).stream()
                .filter(k -> k.selector.equals(selector))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("key"));
        if (key.state == KeyState.ACTIVE) {
            throw ProblemException.field(
                    409,
                    "selector",
                    "is the key that signs this domain's mail: verify a newer " + "key first, or remove the domain");
        }
        key.delete();
    }

    @Transactional
    public void remove(String tenantId, UUID id) {
        SendingDomain d = domain(tenantId, id);
        SenderIdentity identity = SenderIdentity.findById(tenantId);
        if (identity != null
                && identity.fromAddress != null
                && MailAddresses.domainOf(identity.fromAddress).equals(d.domain)) {
            throw ProblemException.field(409, "domain", "is the domain of the sender's fromAddress: change that first");
        }
        DkimKey.delete("domainId", d.id);
        d.delete();
        profiles.forget(tenantId);
    }

    private void newKey(SendingDomain d) {
        DkimKeyPair pair = DkimKeyPair.generate(clock);
        DkimKey key = new DkimKey();
        key.id = UUID.randomUUID();
        key.domainId = d.id;
        key.tenantId = d.tenantId;
        key.selector = pair.selector();
        key.privateKey = pair.privateKeyPkcs8();
        key.publicKey = pair.publicKeySpki();
        key.state = KeyState.PENDING;
        key.createdAt = now();
        key.persist();
    }

    private static SendingDomain domain(String tenantId, UUID id) {
        return SendingDomain.of(tenantId, id).orElseThrow(() -> ProblemException.notFound("sending domain"));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
