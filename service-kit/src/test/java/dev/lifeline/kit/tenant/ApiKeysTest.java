package dev.lifeline.kit.tenant;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTest {

    @Test
    void generatedKeysAreUniqueWellFormedAndHashStably() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = ApiKeys.generate();
            assertThat(ApiKeys.looksValid(key)).as(key).isTrue();
            keys.add(key);
        }
        assertThat(keys).hasSize(1000);
        String key = keys.iterator().next();
        assertThat(ApiKeys.hash(key)).hasSize(64).matches("[0-9a-f]+").isEqualTo(ApiKeys.hash(key));
        assertThat(ApiKeys.hash(key)).doesNotContain(key.substring(3));
    }

    @Test
    void keysOfTheWrongShapeAreRefusedBeforeAnyLookup() {
        assertThat(ApiKeys.looksValid(null)).isFalse();
        assertThat(ApiKeys.looksValid("")).isFalse();
        assertThat(ApiKeys.looksValid("ll_short")).isFalse();
        assertThat(ApiKeys.looksValid("xx_" + "a".repeat(43))).isFalse();
        assertThat(ApiKeys.looksValid("ll_" + "a".repeat(42) + "'")).isFalse();
        assertThat(ApiKeys.looksValid("ll_" + "a".repeat(43))).isTrue();
    }
}
