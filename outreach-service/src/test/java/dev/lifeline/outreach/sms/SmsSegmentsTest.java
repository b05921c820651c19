package dev.lifeline.outreach.sms;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsSegmentsTest {

    @Test
    void plainTextUpTo160CharactersIsOneGsmSegment() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments("GSM-7", 160, 1));
    }

    @Test
    void longGsmTextIsSplitIn153CharacterParts() {
        assertThat(SmsSegments.of("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void extensionCharactersCountTwice() {
        assertThat(SmsSegments.of("€".repeat(80))).isEqualTo(new SmsSegments("GSM-7", 160, 1));
        assertThat(SmsSegments.of("€".repeat(81)).segments()).isEqualTo(2);
    }

    @Test
    void anyCharacterOutsideGsmSwitchesTheWholeTextToUcs2() {
        assertThat(SmsSegments.of("Hi Zoë, ça va? ✓"))
                .extracting(SmsSegments::encoding)
                .isEqualTo("UCS-2");
        assertThat(SmsSegments.of("✓".repeat(70)).segments()).isEqualTo(1);
        assertThat(SmsSegments.of("✓".repeat(71)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("😀".repeat(35)).units()).isEqualTo(70);
    }
}
