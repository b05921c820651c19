package dev.lifeline.outreach.campaign;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateNode;
import io.quarkus.qute.Variant;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Qute for the businesses' own templates: a dedicated engine (independent of the application's templates), HTML
 * escaping for HTML bodies, and a fixed vocabulary of placeholders checked when a campaign is saved, so a typo is a
 * 400 at save time and not a broken message to thousands of customers.
 */
public final class MessageTemplates {

    /** Placeholder roots and their properties; an empty set means the root is a value itself. */
    public static final Map<String, Set<String>> VOCABULARY = Map.of(
            "contact", Set.of("name", "firstName", "locale"),
            "outage", Set.of("platform", "platformId", "startedAt"),
            "business", Set.of("webShop", "phone", "email"),
            "unsubscribeUrl", Set.of());

    private static final AtomicLong IDS = new AtomicLong();

    private final Engine engine = Engine.builder()
            .addDefaults()
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
            .strictRendering(false)
            .build();

    /** A template error at save time: which line and column, and why. */
    public static final class InvalidTemplate extends RuntimeException {
        private final int line;
        private final int column;

        InvalidTemplate(String message, int line, int column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /** @throws InvalidTemplate on a syntax error or an unknown placeholder */
    public Template compile(String content, boolean html) {
        Template template;
        try {
            template = engine.parse(
                    content,
                    Variant.forContentType(html ? Variant.TEXT_HTML : Variant.TEXT_PLAIN),
                    "t" + IDS.incrementAndGet());
        } catch (TemplateException e) {
            TemplateNode.Origin origin = e.getOrigin();
            throw new InvalidTemplate(
                    syntaxMessage(e),
                    origin == null ? 1 : origin.getLine(),
                    origin == null ? 1 : Math.max(1, origin.getLineCharacterStart()));
        }
        for (Expression expression : template.getExpressions()) {
            checkVocabulary(expression);
        }
        return template;
    }

    public String render(Template template, Map<String, Object> data) {
        return template.instance().data(data).render();
    }

    private static void checkVocabulary(Expression expression) {
        if (expression.isLiteral()
                || expression.hasNamespace()
                || expression.getParts().isEmpty()) {
            return;
        }
        List<Expression.Part> parts = expression.getParts();
        String root = parts.get(0).getName();
        Set<String> properties = VOCABULARY.get(root);
        String unknown = null;
        if (properties == null) {
            unknown = root;
        } else if (parts.size() > 1
                && !properties.isEmpty()
                && !parts.get(1).isVirtualMethod()
                && !properties.contains(parts.get(1).getName())) {
            unknown = root + "." + parts.get(1).getName();
        }
        if (unknown != null) {
            TemplateNode.Origin origin = expression.getOrigin();
            throw new InvalidTemplate(
                    "unknown placeholder {" + unknown + "}; known: " + known(),
                    origin == null ? 1 : origin.getLine(),
                    origin == null ? 1 : Math.max(1, origin.getLineCharacterStart()));
        }
    }

    private static String known() {
        StringBuilder sb = new StringBuilder();
        VOCABULARY.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (e.getValue().isEmpty()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(e.getKey());
            } else {
                e.getValue().stream()
                        .sorted()
                        .forEach(p -> sb.append(sb.isEmpty() ? "" : ", ")
                                .append(e.getKey())
                                .append('.')
                                .append(p));
            }
        });
        return sb.toString();
    }

    private static String syntaxMessage(TemplateException e) {
        // Qute's message starts with the template id and origin, which mean nothing to the business.
        String message = e.getMessage() == null ? "syntax error" : e.getMessage();
        int idx = message.indexOf("]: ");
        return "syntax error: " + (idx >= 0 ? message.substring(idx + 3) : message);
    }
}
