package dev.lifeline.console.campaigns;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsSegmentsTest {

    @Test
    void anEmptyTextCostsNothing() {
        assertThat(SmsSegments.of("")).isEqualTo(new SmsSegments("GSM-7", 0, 0, 160, 160));
        assertThat(SmsSegments.of(null).segments()).isZero();
    }

    @Test
    void oneHundredSixtyPlainCharactersAreOneSmsAndOneMoreMakesTwoPartsOf153() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments("GSM-7", 160, 1, 160, 0));
        assertThat(SmsSegments.of("a".repeat(161))).isEqualTo(new SmsSegments("GSM-7", 161, 2, 153, 145));
        assertThat(SmsSegments.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void theEuroSignAndBracesTakeTwoUnitsButStayGsm() {
        SmsSegments euro = SmsSegments.of("€".repeat(80));
        assertThat(euro.encoding()).isEqualTo("GSM-7");
        assertThat(euro.units()).isEqualTo(160);
        assertThat(euro.segments()).isEqualTo(1);
        assertThat(SmsSegments.of("{" + "a".repeat(159)).segments()).isEqualTo(2);
    }

    @Test
    void aSingleCharacterOutsideGsmMakesTheWholeTextUcs2WithSeventyPerSms() {
        assertThat(SmsSegments.of("Grüße aus Łódź")).isEqualTo(new SmsSegments("UCS-2", 14, 1, 70, 56));
        assertThat(SmsSegments.of("ł".repeat(70)).segments()).isEqualTo(1);
        assertThat(SmsSegments.of("ł".repeat(71))).isEqualTo(new SmsSegments("UCS-2", 71, 2, 67, 63));
        assertThat(SmsSegments.of("ł".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void anEmojiCountsAsTwoUcs2Units() {
        assertThat(SmsSegments.of("Down 😢").units()).isEqualTo(7);
        assertThat(SmsSegments.of("😢".repeat(35)).segments()).isEqualTo(1);
        assertThat(SmsSegments.of("😢".repeat(36)).segments()).isEqualTo(2);
    }
}
