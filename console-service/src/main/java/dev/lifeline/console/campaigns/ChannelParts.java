package dev.lifeline.console.campaigns;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The editor's fields that only WhatsApp or webhook campaigns have: the console's own checks on them, their part of
 * outreach's request ({@code whatsappTemplate{name, language, bodyParameters}}, {@code webhookUrl},
 * {@code webhookSecret}) and which input outreach's refusals belong to. Kept apart so {@link CampaignForm} stays about
 * what every campaign has.
 */
final class ChannelParts {

    /** As outreach checks them (its {@code WhatsAppTemplate}), so the owner hears it before a round trip. */
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9_]+");

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Za-z0-9]{2,4})?");
    static final int MAX_PARAMETERS = 20;
    /** Outreach stores up to 200; fewer than 16 characters is a secret the receiver's check does not protect. */
    static final int MIN_SECRET = 16;

    static final int MAX_SECRET = 200;
    private static final Pattern PARAMETER_FIELD = Pattern.compile("whatsappTemplate\\.bodyParameters\\[(\\d{1,3})].*");

    private ChannelParts() {}

    static void check(CampaignForm form, Map<String, String> errors) {
        if (form.whatsapp()) {
            checkWhatsApp(form, errors);
        } else if (form.webhook()) {
            checkWebhook(form, errors);
        }
    }

    private static void checkWhatsApp(CampaignForm form, Map<String, String> errors) {
        if (CampaignForm.blank(form.templateName())) {
            errors.put("templateName", "Give the name of the template Meta approved, e.g. outage_notice.");
        } else if (!TEMPLATE_NAME.matcher(form.templateName().strip()).matches()) {
            errors.put(
                    "templateName",
                    "Write the template's name as WhatsApp Manager shows it: lower-case letters, digits and _.");
        }
        if (CampaignForm.blank(form.templateLanguage())
                || !LANGUAGE.matcher(form.templateLanguage().strip()).matches()) {
            errors.put("templateLanguage", "Write the template's language code, e.g. en or en_US.");
        }
        List<String> parameters = parameters(form.templateParameters());
        if (parameters.size() > MAX_PARAMETERS) {
            errors.put("templateParameters", "A template has at most " + MAX_PARAMETERS + " parameters.");
            return;
        }
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).isBlank()) {
                errors.put(
                        "templateParameters",
                        "Parameter " + (i + 1) + " is empty: write a value on that line or remove the line.");
                return;
            }
        }
    }

    private static void checkWebhook(CampaignForm form, Map<String, String> errors) {
        String url = form.webhookUrl() == null ? "" : form.webhookUrl().strip();
        if (url.isEmpty() || url.equals("https://")) {
            errors.put("webhookUrl", "Give the address of your endpoint, e.g. https://shop.example/lifeline.");
        } else if (!httpUrl(url)) {
            errors.put("webhookUrl", "Give a web address starting with https:// (or http://).");
        }
        String secret = form.webhookSecret() == null ? "" : form.webhookSecret();
        if (secret.isEmpty() && !form.webhookSecretSet()) {
            // Outreach would make one up, but never shows it: the owner's endpoint could not check a single call.
            errors.put("webhookSecret", "Choose a signing secret; your endpoint checks each call with it.");
        } else if (!secret.isEmpty() && (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET)) {
            errors.put(
                    "webhookSecret",
                    "Use " + MIN_SECRET + " to " + MAX_SECRET + " characters for the secret, so it cannot be guessed.");
        }
        if (form.textBody() != null && form.textBody().length() > 20_000) {
            errors.put("textBody", "Keep the message under 20,000 characters.");
        }
    }

    /** Adds this channel's part to outreach's request. */
    static void addTo(CampaignForm form, Map<String, Object> body) {
        if (form.whatsapp()) {
            Map<String, Object> template = new LinkedHashMap<>();
            template.put("name", form.templateName().strip());
            template.put("language", form.templateLanguage().strip());
            template.put("bodyParameters", parameters(form.templateParameters()));
            body.put("whatsappTemplate", template);
        } else if (form.webhook()) {
            body.put("webhookUrl", form.webhookUrl().strip());
            // Absent, outreach keeps the saved secret on a replace; an empty one would become the secret.
            if (form.webhookSecret() != null && !form.webhookSecret().isEmpty()) {
                body.put("webhookSecret", form.webhookSecret());
            }
            body.put("textBody", CampaignForm.blank(form.textBody()) ? null : form.textBody());
        }
    }

    /** The body parameters, one a line; a final line break adds none. */
    static List<String> parameters(String text) {
        List<String> list = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return list;
        }
        for (String line : text.stripTrailing().split("\r?\n", -1)) {
            list.add(line.strip());
        }
        return list;
    }

    /** The editor's input for a field outreach named, or null when it is none of these channels'. */
    static String fieldOf(String outreachField) {
        if (outreachField.startsWith("whatsappTemplate.bodyParameters")) {
            return "templateParameters";
        }
        if (outreachField.startsWith("whatsappTemplate.language")) {
            return "templateLanguage";
        }
        if (outreachField.startsWith("whatsappTemplate")) {
            return "templateName";
        }
        if (outreachField.startsWith("webhookUrl")) {
            return "webhookUrl";
        }
        if (outreachField.startsWith("webhookSecret")) {
            return "webhookSecret";
        }
        return null;
    }

    /** "Parameter 2: " for outreach's {@code whatsappTemplate.bodyParameters[1]}, so the owner knows which line. */
    static String parameterPrefix(String outreachField) {
        Matcher m = PARAMETER_FIELD.matcher(outreachField);
        return m.matches() ? "parameter " + (Integer.parseInt(m.group(1)) + 1) + ": " : "";
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
