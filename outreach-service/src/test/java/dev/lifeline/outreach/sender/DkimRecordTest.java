package dev.lifeline.outreach.sender;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class DkimRecordTest {

    @Test
    void theRecordIsNamedBySelectorUnderDomainkeyAndPublishesTheRsaKey() {
        DkimRecord record = DkimRecord.of("shop.example", "ll20261202-ab12cd34", "MIIBIjAN");

        assertThat(record.name()).isEqualTo("ll20261202-ab12cd34._domainkey.shop.example");
        assertThat(record.type()).isEqualTo("TXT");
        assertThat(record.value()).isEqualTo("v=DKIM1; k=rsa; p=MIIBIjAN");
    }

    @Test
    void aPublishedValueMatchesWhateverItsTagOrderAndSplittingAsLongAsTheKeyIsOurs() {
        assertThat(DkimRecord.publishes("v=DKIM1; k=rsa; p=MIIBIjAN", "MIIBIjAN"))
                .isTrue();
        assertThat(DkimRecord.publishes("p=MIIB IjAN;k=rsa;v=DKIM1", "MIIBIjAN"))
                .isTrue();
        assertThat(DkimRecord.publishes("v=DKIM1; p=MIIBIjAN", "MIIBIjAN")).isTrue();
        assertThat(DkimRecord.publishes("v=DKIM1; k=rsa; p=MIIBIjAX", "MIIBIjAN"))
                .isFalse();
        assertThat(DkimRecord.publishes("v=DKIM1; k=ed25519; p=MIIBIjAN", "MIIBIjAN"))
                .isFalse();
        assertThat(DkimRecord.publishes("v=spf1 include:_spf.example ~all", "MIIBIjAN"))
                .isFalse();
        assertThat(DkimRecord.publishes("v=DKIM1; k=rsa; p=", "MIIBIjAN")).isFalse();
    }

    @Test
    void aRecordSplitIntoSeveralStringsIsReadAsOneValue() {
        assertThat(JndiDnsTxtResolver.joinStrings("\"v=DKIM1; k=rsa; p=MIIB\" \"IjAN\""))
                .isEqualTo("v=DKIM1; k=rsa; p=MIIBIjAN");
        assertThat(JndiDnsTxtResolver.joinStrings("v=DKIM1;k=rsa;p=MIIBIjAN")).isEqualTo("v=DKIM1;k=rsa;p=MIIBIjAN");
    }

    @Test
    void aNewKeyIsRsa2048UnderADatedSelector() {
        DkimKeyPair pair = DkimKeyPair.generate(Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));

        assertThat(pair.selector()).matches("ll20261202-[0-9a-f]{8}");
        // A 2048-bit modulus makes a 294-byte SubjectPublicKeyInfo: 392 base64 characters.
        assertThat(pair.publicKeySpki()).hasSize(392).startsWith("MIIBIjAN");
        assertThat(pair.toString()).doesNotContain(pair.privateKeyPkcs8());
    }
}
