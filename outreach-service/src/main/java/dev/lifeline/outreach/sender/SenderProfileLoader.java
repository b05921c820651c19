package dev.lifeline.outreach.sender;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads a business's profile from its identity, its From domain and that domain's signing key (three small reads). */
@ApplicationScoped
public class SenderProfileLoader {

    @ConfigProperty(name = "quarkus.mailer.from", defaultValue = "lifeline@localhost")
    String defaultFrom;

    @Transactional
    public SenderProfile load(String tenantId) {
        SenderIdentity identity = SenderIdentity.findById(tenantId);
        if (identity == null) {
            return SenderProfile.DEFAULT;
        }
        DkimSigning signing = identity.fromAddress == null
                ? null
                : SendingDomain.named(tenantId, MailAddresses.domainOf(identity.fromAddress))
                        .filter(SendingDomain::verified)
                        .flatMap(d -> DkimKey.active(d.id)
                                .map(k -> new DkimSigning(k.id, d.domain, k.selector, k.privateKey)))
                        .orElse(null);
        // Never the business's own address unsigned: mail from its domain without its signature fails DMARC.
        String address = signing != null ? identity.fromAddress : MailAddresses.addressIn(defaultFrom);
        String from = identity.displayName == null && signing == null
                ? null
                : MailAddresses.from(identity.displayName, address);
        return new SenderProfile(from, identity.replyTo, signing);
    }

    public String defaultFrom() {
        return defaultFrom;
    }
}
