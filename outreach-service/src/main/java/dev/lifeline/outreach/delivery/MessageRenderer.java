package dev.lifeline.outreach.delivery;

import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.outreach.campaign.Campaign;
import dev.lifeline.outreach.campaign.MessageTemplates;
import dev.lifeline.outreach.campaign.WhatsAppTemplate;
import dev.lifeline.outreach.config.OutreachConfig;
import dev.lifeline.outreach.contacts.ProjectedContact;
import dev.lifeline.outreach.unsubscribe.LinkSigner;
import dev.lifeline.outreach.whatsapp.WhatsAppParameters;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Fills a campaign's templates for one contact. Compiled templates are cached per campaign version. */
@ApplicationScoped
public class MessageRenderer {

    private record Compiled(Template subject, Template text, Template html, List<Template> parameters) {}

    /** What the templates may say about the outage. */
    public record OutageFacts(String platformId, Instant startedAt) {}

    private static final Map<String, String> PLATFORM_NAMES = Map.of(
            "instagram",
            "Instagram",
            "facebook",
            "Facebook",
            "whatsapp",
            "WhatsApp",
            "messenger",
            "Messenger",
            "tiktok",
            "TikTok",
            "youtube",
            "YouTube",
            "x",
            "X",
            "shopify",
            "Shopify",
            "etsy",
            "Etsy",
            "google-business-profile",
            "Google Business Profile");

    @Inject
    MessageTemplates templates;

    @Inject
    LinkSigner signer;

    @Inject
    OutreachConfig config;

    private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

    public RenderedMessage render(Campaign campaign, ProjectedContact contact, OutageFacts outage) {
        Compiled compiled = cache.computeIfAbsent(campaign.id() + "@" + campaign.updatedAt(), k -> compile(campaign));
        if (cache.size() > 1000) {
            cache.clear();
        }
        String unsubscribeUrl = null;
        ContactChannel channel = campaign.channel().contactChannel();
        if (channel != null) {
            unsubscribeUrl = config.publicBaseUrl() + "/unsubscribe/"
                    + signer.sign(new LinkSigner.Target(contact.tenantId(), contact.contactId(), channel));
        }
        Map<String, Object> data = data(campaign, contact, outage, unsubscribeUrl);
        return new RenderedMessage(
                compiled.subject == null ? null : templates.render(compiled.subject, data),
                compiled.text == null ? null : templates.render(compiled.text, data),
                compiled.html == null ? null : templates.render(compiled.html, data),
                unsubscribeUrl,
                whatsapp(campaign.whatsappTemplate(), compiled.parameters, data));
    }

    private RenderedMessage.Template whatsapp(
            WhatsAppTemplate template, List<Template> parameters, Map<String, Object> data) {
        if (template == null) {
            return null;
        }
        List<String> values = parameters.stream()
                .map(p -> WhatsAppParameters.clean(templates.render(p, data)))
                .toList();
        return new RenderedMessage.Template(template.name(), template.language(), values);
    }

    public static String platformName(String platformId) {
        return PLATFORM_NAMES.getOrDefault(
                platformId, platformId.startsWith("custom-") ? platformId.substring(7) : platformId);
    }

    static Map<String, Object> data(
            Campaign campaign, ProjectedContact contact, OutageFacts outage, String unsubscribeUrl) {
        Map<String, Object> c = new HashMap<>();
        String name = contact.name() == null ? "" : contact.name().strip();
        c.put("name", name);
        c.put("firstName", name.contains(" ") ? name.substring(0, name.indexOf(' ')) : name);
        c.put("locale", contact.locale() == null ? "" : contact.locale());
        Map<String, Object> o = new HashMap<>();
        o.put("platform", platformName(outage.platformId()));
        o.put("platformId", outage.platformId());
        o.put("startedAt", outage.startedAt() == null ? "" : outage.startedAt().toString());
        Map<String, Object> b = new HashMap<>();
        Campaign.Links links = campaign.links() == null ? Campaign.Links.NONE : campaign.links();
        b.put("webShop", links.webShop() == null ? "" : links.webShop());
        b.put("phone", links.phone() == null ? "" : links.phone());
        b.put("email", links.email() == null ? "" : links.email());
        Map<String, Object> data = new HashMap<>();
        data.put("contact", c);
        data.put("outage", o);
        data.put("business", b);
        data.put("unsubscribeUrl", unsubscribeUrl == null ? "" : unsubscribeUrl);
        return data;
    }

    private Compiled compile(Campaign c) {
        return new Compiled(
                c.subject() == null ? null : templates.compile(c.subject(), false),
                c.textBody() == null ? null : templates.compile(c.textBody(), false),
                c.htmlBody() == null ? null : templates.compile(c.htmlBody(), true),
                c.whatsappTemplate() == null
                        ? List.of()
                        : c.whatsappTemplate().bodyParameters().stream()
                                .map(p -> templates.compile(p, false))
                                .toList());
    }
}
