package dev.lifeline.kit.validation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderAndNumberRulesTest {

    @Test
    void headerTextWithCrLfTabNulDelC1OrALineSeparatorIsNotOneLine() {
        for (String bad : List.of(
                "Sale\r\nBcc: x@example.com",
                "a\rb",
                "a\nb",
                "a\tb",
                "a\u0000b",
                "a\u007fb",
                "a\u0085b",
                "a\u2028b",
                "a\u2029b")) {
            assertThat(SingleLineValidator.isSingleLine(bad)).as(bad).isFalse();
        }
    }

    @Test
    void ordinaryTextWithAccentsEmojiAndQuotesIsOneLine() {
        assertThat(SingleLineValidator.isSingleLine("Zoë's Café — Instagram ist down 🙈 \"now\""))
                .isTrue();
        assertThat(new SingleLineValidator().isValid(null, null)).isTrue();
    }

    @Test
    void anInfiniteNumberAnywhereInFreeFormJsonIsRefusedAndFiniteOnesPass() {
        assertThat(FiniteNumbersValidator.isFinite(Map.of("size", 1e308, "n", 3, "s", "Infinity")))
                .isTrue();
        assertThat(FiniteNumbersValidator.isFinite(Map.of("size", Double.POSITIVE_INFINITY)))
                .isFalse();
        assertThat(FiniteNumbersValidator.isFinite(
                        Map.of("nested", Map.of("list", List.of(1, Double.NEGATIVE_INFINITY)))))
                .isFalse();
        assertThat(FiniteNumbersValidator.isFinite(List.of(Float.NaN))).isFalse();
    }
}
