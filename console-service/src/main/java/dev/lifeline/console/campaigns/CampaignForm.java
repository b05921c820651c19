package dev.lifeline.console.campaigns;

import dev.lifeline.console.services.FieldProblems;
import dev.lifeline.console.services.OutreachClient;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The campaign editor's fields as the owner typed them. Checks what a person gets wrong most (blank fields, a grace
 * period that is not a number of minutes, half a quiet-hours window) here, with plain words next to the field;
 * outreach-service checks the rest (templates, platforms) and its answer is mapped onto the same fields. The fields
 * only WhatsApp or webhook campaigns have are checked and mapped in {@link ChannelParts}.
 *
 * <p>{@code templateParameters} holds WhatsApp's body parameters one per line. {@code webhookSecret} is what the owner
 * typed (blank keeps the saved one); {@code webhookSecretSet} says the campaign already has one, which outreach never
 * shows.
 *
 * <p>Longer than most classes here: a record's components are one a line, and e-mail and SMS forms keep their short
 * constructor; the checks themselves are the shared fields' only.
 */
public record CampaignForm(
        String channel,
        String name,
        String platformId,
        String subject,
        String textBody,
        String htmlBody,
        String graceMinutes,
        String quietStart,
        String quietEnd,
        boolean active,
        String templateName,
        String templateLanguage,
        String templateParameters,
        String webhookUrl,
        String webhookSecret,
        boolean webhookSecretSet) {

    static final Set<String> CHANNELS = Set.of("email", "sms", "whatsapp", "webhook");

    /** An e-mail or SMS campaign's form, which has none of the other channels' fields. */
    public CampaignForm(
            String channel,
            String name,
            String platformId,
            String subject,
            String textBody,
            String htmlBody,
            String graceMinutes,
            String quietStart,
            String quietEnd,
            boolean active) {
        this(
                channel,
                name,
                platformId,
                subject,
                textBody,
                htmlBody,
                graceMinutes,
                quietStart,
                quietEnd,
                active,
                "",
                "",
                "",
                "",
                "",
                false);
    }

    static final int MAX_GRACE_MINUTES = 24 * 60;
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    public static CampaignForm empty(String channel) {
        return new CampaignForm(
                channel, "", "any", "", "", "", "2", "", "", true, "", "en_US", "", "https://", "", false);
    }

    public static CampaignForm of(OutreachClient.Campaign c) {
        long minutes;
        try {
            minutes = Duration.parse(c.gracePeriod()).toMinutes();
        } catch (DateTimeParseException e) {
            minutes = 2;
        }
        return new CampaignForm(
                c.channel(),
                c.name(),
                c.platformId(),
                nz(c.subject()),
                nz(c.textBody()),
                nz(c.htmlBody()),
                Long.toString(minutes),
                hhmm(c.quietStart()),
                hhmm(c.quietEnd()),
                c.active(),
                c.whatsappTemplate() == null ? "" : c.whatsappTemplate().name(),
                c.whatsappTemplate() == null ? "" : c.whatsappTemplate().language(),
                c.whatsappTemplate() == null
                        ? ""
                        : String.join("\n", c.whatsappTemplate().bodyParameters()),
                nz(c.webhookUrl()),
                "",
                c.webhookSecretSet());
    }

    /** This form on a saved campaign's page: outreach keeps the saved secret when the owner types none. */
    public CampaignForm editing() {
        return new CampaignForm(
                channel,
                name,
                platformId,
                subject,
                textBody,
                htmlBody,
                graceMinutes,
                quietStart,
                quietEnd,
                active,
                templateName,
                templateLanguage,
                templateParameters,
                webhookUrl,
                webhookSecret,
                true);
    }

    public boolean sms() {
        return "sms".equals(channel);
    }

    public boolean whatsapp() {
        return "whatsapp".equals(channel);
    }

    public boolean webhook() {
        return "webhook".equals(channel);
    }

    /** The channel as the editor's heading names it. */
    public String channelName() {
        return switch (channel == null ? "" : channel) {
            case "email" -> "e-mail";
            case "sms" -> "SMS";
            case "whatsapp" -> "WhatsApp";
            case "webhook" -> "webhook";
            default -> "";
        };
    }

    /** Never the secret itself, so that a form that ends up in a log line does not leak it. */
    @Override
    public String toString() {
        return "CampaignForm[channel=" + channel + ", name=" + name + ", platformId=" + platformId + "]";
    }

    public boolean email() {
        return "email".equals(channel);
    }

    public SmsSegments segments() {
        return SmsSegments.of(textBody);
    }

    /** Messages per field for what is wrong before outreach need be asked; empty when the form may be sent. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!CHANNELS.contains(channel)) {
            errors.put(FieldProblems.GENERAL, "Choose e-mail, SMS, WhatsApp or webhook.");
        }
        if (blank(name)) {
            errors.put("name", "Give the campaign a name.");
        } else if (name.length() > 200 || name.contains("\n") || name.contains("\r")) {
            errors.put("name", "Keep the name on one line, at most 200 characters.");
        }
        if (blank(platformId)) {
            errors.put("platformId", "Choose the platform whose outage sends this campaign.");
        }
        if (email() && blank(subject)) {
            errors.put("subject", "Write a subject line.");
        } else if (email() && (subject.length() > 500 || subject.contains("\n"))) {
            errors.put("subject", "Keep the subject on one line, at most 500 characters.");
        }
        if ((email() || sms()) && blank(textBody)) {
            errors.put("textBody", "Write the message.");
        }
        ChannelParts.check(this, errors);
        Integer minutes = minutes();
        if (minutes == null || minutes < 0 || minutes > MAX_GRACE_MINUTES) {
            errors.put("graceMinutes", "Enter a number of minutes from 0 to " + MAX_GRACE_MINUTES + ".");
        }
        boolean hasStart = !blank(quietStart);
        boolean hasEnd = !blank(quietEnd);
        if (hasStart != hasEnd) {
            errors.put("quietStart", "Give both the start and the end of the quiet hours, or neither.");
        } else if (hasStart
                && (!TIME.matcher(quietStart).matches()
                        || !TIME.matcher(quietEnd).matches())) {
            errors.put("quietStart", "Write the times as hours and minutes, e.g. 21:00 and 08:00.");
        }
        return errors;
    }

    /** The body of outreach's POST/PUT /api/v1/campaigns; call only when {@link #errors()} is empty. */
    public Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.strip());
        body.put("platformId", platformId);
        body.put("channel", channel);
        if (email()) {
            body.put("subject", subject.strip());
            body.put("htmlBody", blank(htmlBody) ? null : htmlBody);
        }
        if (email() || sms()) {
            body.put("textBody", textBody);
        }
        ChannelParts.addTo(this, body);
        body.put("gracePeriod", Duration.ofMinutes(minutes()).toString());
        body.put("quietHours", blank(quietStart) ? null : Map.of("start", quietStart, "end", quietEnd));
        body.put("active", active);
        return body;
    }

    /** The editor's field for a field outreach named in its problem answer. */
    public static String fieldOf(String outreachField) {
        if (outreachField.startsWith("gracePeriod")) {
            return "graceMinutes";
        }
        if (outreachField.startsWith("quietHours")) {
            return "quietStart";
        }
        String channelField = ChannelParts.fieldOf(outreachField);
        if (channelField != null) {
            return channelField;
        }
        return switch (outreachField) {
            case "name", "platformId", "subject", "textBody", "htmlBody" -> outreachField;
            default -> FieldProblems.GENERAL;
        };
    }

    /** Outreach's refusal, each message next to the editor's field it is about. */
    public static Map<String, String> mapped(Map<String, String> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((field, message) -> {
            String target = fieldOf(field);
            String text = target.equals(FieldProblems.GENERAL) && !field.isEmpty()
                    ? field + " " + message
                    : ChannelParts.parameterPrefix(field) + message;
            errors.merge(target, capitalised(text), (a, b) -> a + " " + b);
        });
        return errors;
    }

    private Integer minutes() {
        try {
            return Integer.valueOf(graceMinutes == null ? "" : graceMinutes.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String capitalised(String message) {
        String m = message.endsWith(".") ? message : message + ".";
        return m.isEmpty() ? m : Character.toUpperCase(m.charAt(0)) + m.substring(1);
    }

    private static String hhmm(String time) {
        return time == null ? "" : time.length() > 5 ? time.substring(0, 5) : time;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
