package dev.lifeline.kit.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

    @Test
    void problemExceptionForAFieldNamesIt() {
        ProblemException e = ProblemException.field(400, "email", "is not a valid e-mail address");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.title()).isEqualTo("Bad Request");
        assertThat(e.errors()).containsExactly(new Problem.FieldError("email", "is not a valid e-mail address"));
    }

    @Test
    void typesAndTitlesFollowTheStatus() {
        assertThat(Problems.typeOf(404)).isEqualTo("https://lifeline.dev/problems/not-found");
        assertThat(Problems.titleOf(422)).isEqualTo("Unprocessable Content");
        assertThat(Problems.titleOf(429)).isEqualTo("Too Many Requests");
        assertThat(Problems.titleOf(413)).isEqualTo("Request Entity Too Large");
    }

    @Test
    void textThePostgresDriverCannotStoreIsTheClientsInputAnywhereInTheChain() {
        SQLException nul = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        assertThat(ProblemMappers.unstorableText(new IllegalStateException(new RuntimeException(nul))))
                .isTrue();
        assertThat(ProblemMappers.unstorableText(new SQLException("untranslatable", "22P05")))
                .isTrue();
        assertThat(ProblemMappers.unstorableText(new IllegalStateException(new SQLException("duplicate", "23505"))))
                .isFalse();
        assertThat(ProblemMappers.unstorableText(new IllegalStateException("no SQL at all")))
                .isFalse();
    }
}
