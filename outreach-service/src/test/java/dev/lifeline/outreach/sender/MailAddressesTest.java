package dev.lifeline.outreach.sender;

import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.mailencoder.MailEncoder;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class MailAddressesTest {

    @Test
    void aPrintableAsciiNameIsQuotedSoItsCommasAndDotsStayInTheName() {
        assertThat(MailAddresses.from("Ada's Shop, Berlin", "news@shop.example"))
                .isEqualTo("\"Ada's Shop, Berlin\" <news@shop.example>");
        assertThat(MailAddresses.from("A = B Ltd.", "news@shop.example"))
                .isEqualTo("\"A = B Ltd.\" <news@shop.example>");
        assertThat(fromLine(MailAddresses.from("Ada's Shop, Berlin", "news@shop.example")))
                .isEqualTo("From: \"Ada's Shop, Berlin\" <news@shop.example>");
    }

    @Test
    void aNameBeyondAsciiGoesOutAsAnEncodedWordWithItsCommaInside() {
        String from = MailAddresses.from("Café Ada, Berlin", "news@shop.example");

        assertThat(from).isEqualTo("Café Ada, Berlin <news@shop.example>");
        assertThat(fromLine(from)).isEqualTo("From: news@shop.example (=?UTF-8?Q?Caf=C3=A9_Ada,_Berlin?=)");
    }

    @Test
    void withoutANameTheAddressIsTheWholeValue() {
        assertThat(MailAddresses.from(null, "news@shop.example")).isEqualTo("news@shop.example");
        assertThat(MailAddresses.from(" ", "news@shop.example")).isEqualTo("news@shop.example");
    }

    @Test
    void theAddressInsideAHeaderValueIsFound() {
        assertThat(MailAddresses.addressIn("Lifeline <lifeline@localhost>")).isEqualTo("lifeline@localhost");
        assertThat(MailAddresses.addressIn("lifeline@localhost")).isEqualTo("lifeline@localhost");
        assertThat(MailAddresses.domainOf("News@Shop.Example")).isEqualTo("shop.example");
    }

    /** The From line as the Vert.x mail encoder, which every message goes through, writes it. */
    private static String fromLine(String from) {
        String encoded = new MailEncoder(
                        new MailMessage().setFrom(from).setTo("ada@example.com").setText("t"), "host")
                .encode();
        return Arrays.stream(encoded.split("\r?\n"))
                .filter(l -> l.startsWith("From:"))
                .findFirst()
                .orElseThrow();
    }
}
