package dev.lifeline.outreach.campaign;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTemplatesTest {

    private final MessageTemplates templates = new MessageTemplates();

    @Test
    void rendersContactOutageAndBusinessFields() {
        var t = templates.compile("Hi {contact.name}, {outage.platform} is down. Shop: {business.webShop}", false);
        String text = templates.render(
                t,
                Map.of(
                        "contact",
                        Map.of("name", "Ada"),
                        "outage",
                        Map.of("platform", "Instagram"),
                        "business",
                        Map.of("webShop", "https://shop.example")));
        assertThat(text).isEqualTo("Hi Ada, Instagram is down. Shop: https://shop.example");
    }

    @Test
    void htmlBodiesEscapeContactData() {
        var t = templates.compile("<p>Hi {contact.name}</p>", true);
        assertThat(templates.render(t, Map.of("contact", Map.of("name", "<script>x</script>"))))
                .isEqualTo("<p>Hi &lt;script&gt;x&lt;/script&gt;</p>");
    }

    @Test
    void aSyntaxErrorReportsItsLine() {
        assertThatThrownBy(() -> templates.compile("Hello\nthere {#if contact.name}\nno end", false))
                .isInstanceOf(MessageTemplates.InvalidTemplate.class)
                .satisfies(e -> assertThat(((MessageTemplates.InvalidTemplate) e).line())
                        .isGreaterThanOrEqualTo(2));
    }

    @Test
    void anUnknownPlaceholderIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> templates.compile("Hi\n  {contact.surname}", false))
                .isInstanceOf(MessageTemplates.InvalidTemplate.class)
                .hasMessageContaining("{contact.surname}")
                .satisfies(e -> assertThat(((MessageTemplates.InvalidTemplate) e).line())
                        .isEqualTo(2));
        assertThatThrownBy(() -> templates.compile("{customer.name}", false)).hasMessageContaining("{customer}");
    }
}
