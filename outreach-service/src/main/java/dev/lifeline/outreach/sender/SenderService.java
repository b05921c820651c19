package dev.lifeline.outreach.sender;

import dev.lifeline.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Reads and replaces a business's sender identity; a From address only on one of its verified domains. */
@ApplicationScoped
public class SenderService {

    @Inject
    SenderProfiles profiles;

    @Transactional
    public SenderView get(String tenantId) {
        return view(Optional.ofNullable(SenderIdentity.<SenderIdentity>findById(tenantId)), tenantId);
    }

    @Transactional
    public SenderView put(String tenantId, SenderRequest request) {
        String fromAddress = request.fromAddress();
        if (fromAddress != null) {
            String domain = MailAddresses.domainOf(fromAddress);
            boolean verified = SendingDomain.named(tenantId, domain)
                    .map(SendingDomain::verified)
                    .orElse(false);
            if (!verified) {
                throw ProblemException.field(
                        422,
                        "fromAddress",
                        "is not on a verified sending domain of this business: " + "add " + domain
                                + " under /api/v1/tenant/sending-domains, publish its DKIM record and verify it");
            }
        }
        SenderIdentity identity = SenderIdentity.findById(tenantId);
        if (identity == null) {
            identity = new SenderIdentity();
            identity.tenantId = tenantId;
        }
        identity.displayName = blankToNull(request.displayName());
        identity.fromAddress = fromAddress == null
                ? null
                : fromAddress.substring(0, fromAddress.lastIndexOf('@') + 1) + MailAddresses.domainOf(fromAddress);
        identity.replyTo = request.replyTo();
        identity.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        identity.persist();
        profiles.forget(tenantId);
        return view(Optional.of(identity), tenantId);
    }

    private SenderView view(Optional<SenderIdentity> identity, String tenantId) {
        SenderProfile profile = profiles.load(tenantId);
        SenderView.Signer signer = profile.signing() == null
                ? null
                : new SenderView.Signer(
                        profile.signing().domain(), profile.signing().selector());
        return new SenderView(
                identity.map(i -> i.displayName).orElse(null),
                identity.map(i -> i.fromAddress).orElse(null),
                identity.map(i -> i.replyTo).orElse(null),
                profile.fromOr(profiles.defaultFrom()),
                signer,
                identity.map(i -> i.updatedAt).orElse(null));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
