package dev.lifeline.outreach.campaign;

import dev.lifeline.kit.egress.EgressGuard;
import dev.lifeline.outreach.config.OutreachConfig;
import dev.lifeline.outreach.config.SmsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CampaignService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CampaignStore store;

    @Inject
    OutreachConfig config;

    @Inject
    SmsConfig smsConfig;

    @Inject
    MessageTemplates templates;

    @Inject
    EgressGuard egress;

    CampaignRules rules() {
        return new CampaignRules(templates, smsConfig.maxSegments(), egress);
    }

    /** @throws CampaignRules.Violation when the request breaks a rule */
    @Transactional
    public Campaign create(String tenantId, CampaignRequest r) {
        rules().check(r);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Campaign c = build(UUID.randomUUID(), tenantId, r, null, now, now);
        store.insert(c);
        return c;
    }

    @Transactional
    public Optional<Campaign> replace(String tenantId, UUID id, CampaignRequest r) {
        Optional<Campaign> existing = store.find(tenantId, id);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        rules().check(r);
        Campaign c = build(
                id,
                tenantId,
                r,
                existing.get().webhookSecret(),
                existing.get().createdAt(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        store.update(c);
        return Optional.of(c);
    }

    public Optional<Campaign> find(String tenantId, UUID id) {
        return store.find(tenantId, id);
    }

    public List<Campaign> list(String tenantId) {
        return store.list(tenantId);
    }

    @Transactional
    public boolean delete(String tenantId, UUID id) {
        return store.delete(tenantId, id);
    }

    private Campaign build(
            UUID id, String tenantId, CampaignRequest r, String oldSecret, Instant created, Instant updated) {
        String secret = null;
        if (r.channel() == CampaignChannel.WEBHOOK) {
            secret = r.webhookSecret() != null ? r.webhookSecret() : oldSecret != null ? oldSecret : newSecret();
        }
        return new Campaign(
                id,
                tenantId,
                r.name().strip(),
                r.platformId(),
                r.channel(),
                r.kind() == null ? CampaignKind.OUTAGE : r.kind(),
                r.subject(),
                r.textBody(),
                blankToNull(r.htmlBody()),
                r.webhookUrl(),
                secret,
                r.channel() == CampaignChannel.WHATSAPP ? r.whatsappTemplate() : null,
                r.links() == null ? Campaign.Links.NONE : r.links(),
                r.tags() == null ? List.of() : r.tags(),
                r.gracePeriod() == null ? config.defaultGracePeriod() : r.gracePeriod(),
                r.quietHours(),
                r.active() == null || r.active(),
                created,
                updated);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
