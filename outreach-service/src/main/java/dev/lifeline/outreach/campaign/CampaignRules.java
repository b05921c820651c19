package dev.lifeline.outreach.campaign;

import dev.lifeline.events.outage.CatalogPlatforms;
import dev.lifeline.kit.egress.EgressGuard;
import dev.lifeline.outreach.sms.SmsSegments;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What makes a campaign valid beyond field syntax: known platform, channel's required parts, templates that compile. */
public final class CampaignRules {

    /** A rule broken by one field: the resource turns it into a problem naming the field. */
    public static final class Violation extends RuntimeException {
        private final int status;
        private final String field;

        public Violation(int status, String field, String message) {
            super(message, null, false, false);
            this.status = status;
            this.field = field;
        }

        public int status() {
            return status;
        }

        public String field() {
            return field;
        }
    }

    private final MessageTemplates templates;
    private final int maxSmsSegments;
    private final EgressGuard egress;

    /** Rules with production's egress policy (no internal address allowed). */
    public CampaignRules(MessageTemplates templates, int maxSmsSegments) {
        this(templates, maxSmsSegments, EgressGuard.strict());
    }

    public CampaignRules(MessageTemplates templates, int maxSmsSegments, EgressGuard egress) {
        this.templates = templates;
        this.maxSmsSegments = maxSmsSegments;
        this.egress = egress;
    }

    public static boolean knownPlatform(String platformId) {
        return Campaign.ANY_PLATFORM.equals(platformId)
                || CatalogPlatforms.isCatalogued(platformId)
                || (platformId.startsWith(CatalogPlatforms.CUSTOM_PREFIX)
                        && platformId.length() > CatalogPlatforms.CUSTOM_PREFIX.length()
                        && platformId.matches("[a-z0-9-]+"));
    }

    /** @return the SMS segment count for SMS campaigns, else null */
    public SmsSegments check(CampaignRequest r) {
        if (!knownPlatform(r.platformId())) {
            throw new Violation(
                    422,
                    "platformId",
                    "is not a known platform: use a catalogue id (" + String.join(", ", CatalogPlatforms.IDS)
                            + "), custom-<name> or any");
        }
        if (r.gracePeriod() != null && r.gracePeriod().isNegative()) {
            throw new Violation(400, "gracePeriod", "must not be negative");
        }
        if (r.gracePeriod() != null && r.gracePeriod().compareTo(Duration.ofDays(1)) > 0) {
            throw new Violation(400, "gracePeriod", "must be at most one day");
        }
        if (r.quietHours() != null
                && (r.quietHours().start() == null || r.quietHours().end() == null)) {
            throw new Violation(400, "quietHours", "needs both start and end (HH:mm)");
        }
        switch (r.channel()) {
            case EMAIL -> {
                require("subject", r.subject());
                require("textBody", r.textBody());
                compile(Map.of("subject", nz(r.subject()), "textBody", nz(r.textBody())), false);
                if (r.htmlBody() != null && !r.htmlBody().isBlank()) {
                    compile(Map.of("htmlBody", r.htmlBody()), true);
                }
                return null;
            }
            case SMS -> {
                require("textBody", r.textBody());
                compile(Map.of("textBody", r.textBody()), false);
                SmsSegments segments = SmsSegments.of(r.textBody());
                if (segments.segments() > maxSmsSegments) {
                    throw new Violation(
                            400,
                            "textBody",
                            "needs " + segments.segments() + " SMS segments ("
                                    + segments.encoding() + ", " + segments.units()
                                    + " units) before placeholders are filled; "
                                    + "the limit is " + maxSmsSegments);
                }
                return segments;
            }
            case WEBHOOK -> {
                require("webhookUrl", r.webhookUrl());
                checkUrl(r.webhookUrl());
                // Send time checks again (the name may resolve differently by then); this catches the obvious early.
                egress.refusal(URI.create(r.webhookUrl().trim()).getHost()).ifPresent(reason -> {
                    throw new Violation(422, "webhookUrl", reason + "; webhooks may only reach public addresses");
                });
                if (r.textBody() != null && !r.textBody().isBlank()) {
                    compile(Map.of("textBody", r.textBody()), false);
                }
                return null;
            }
            case WHATSAPP -> {
                checkWhatsApp(r.whatsappTemplate());
                return null;
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Meta refuses a text parameter with a line break, a tab or more than four spaces in a row (error 131009). */
    private static final Pattern PARAMETER_FORBIDDEN = Pattern.compile("[\\n\\r\\t]| {5,}");

    private void checkWhatsApp(WhatsAppTemplate template) {
        if (template == null) {
            throw new Violation(
                    400,
                    "whatsappTemplate",
                    "is required for this channel: {name, language, bodyParameters} of a template Meta approved");
        }
        List<String> parameters = template.bodyParameters() == null ? List.of() : template.bodyParameters();
        for (int i = 0; i < parameters.size(); i++) {
            String field = "whatsappTemplate.bodyParameters[" + i + "]";
            String parameter = parameters.get(i);
            if (parameter == null || parameter.isBlank()) {
                throw new Violation(400, field, "must not be blank: WhatsApp refuses an empty parameter");
            }
            if (PARAMETER_FORBIDDEN.matcher(parameter).find()) {
                throw new Violation(
                        400,
                        field,
                        "must not contain line breaks, tabs or more than four spaces in a row "
                                + "(WhatsApp refuses such a parameter; put the layout into the approved template)");
            }
            compile(Map.of(field, parameter), false);
        }
    }

    private void compile(Map<String, String> fields, boolean html) {
        fields.forEach((field, content) -> {
            try {
                templates.compile(content, html);
            } catch (MessageTemplates.InvalidTemplate e) {
                throw new Violation(400, field, "line " + e.line() + ", column " + e.column() + ": " + e.getMessage());
            }
        });
    }

    private static final Set<String> WEBHOOK_SCHEMES = Set.of("http", "https");

    private static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null
                    || !WEBHOOK_SCHEMES.contains(uri.getScheme().toLowerCase())
                    || uri.getHost() == null
                    || uri.getHost().isBlank()) {
                throw new Violation(400, "webhookUrl", "must be an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            throw new Violation(400, "webhookUrl", "is not a valid URL");
        }
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new Violation(400, field, "is required for this channel");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
