package dev.lifeline.outreach.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.outreach.delivery.RenderedMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The request body Meta documents for a template message, and the parameters a contact's data may bring in. */
class WhatsAppMessageShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTemplateMessageHasMetasShapeWithBodyParametersInOrder() throws Exception {
        String body = WhatsAppCloudApi.body(
                "+4915112345678", new RenderedMessage.Template("outage_notice", "en_US", List.of("Ada", "Instagram")));
        assertThat(JSON.readTree(body)).isEqualTo(JSON.readTree("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"template",
                 "template":{"name":"outage_notice","language":{"code":"en_US"},
                   "components":[{"type":"body","parameters":[{"type":"text","text":"Ada"},{"type":"text","text":"Instagram"}]}]}}
                """));
    }

    @Test
    void aTemplateWithoutParametersSendsNoComponents() throws Exception {
        String body =
                WhatsAppCloudApi.body("+4915112345678", new RenderedMessage.Template("we_are_back", "de", List.of()));
        assertThat(JSON.readTree(body).path("template").has("components")).isFalse();
    }

    @Test
    void aContactsLineBreaksTabsAndEmptyValuesAreSmoothedIntoAnAcceptableParameter() {
        assertThat(WhatsAppParameters.clean("Ada\nLovelace")).isEqualTo("Ada Lovelace");
        assertThat(WhatsAppParameters.clean("Ada\t\tL.      King")).isEqualTo("Ada L. King");
        assertThat(WhatsAppParameters.clean("   ")).isEqualTo("-");
        assertThat(WhatsAppParameters.clean("x".repeat(2000))).hasSize(WhatsAppParameters.MAX_LENGTH);
    }
}
