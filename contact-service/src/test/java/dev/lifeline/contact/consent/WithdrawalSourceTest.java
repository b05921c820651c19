package dev.lifeline.contact.consent;

import dev.lifeline.events.outreach.WithdrawalReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WithdrawalSourceTest {

    @Test
    void everyWithdrawalReasonIsRecordedUnderItsOwnLedgerSource() {
        assertThat(WithdrawalRecorder.source(WithdrawalReason.UNSUBSCRIBE)).isEqualTo("unsubscribe");
        assertThat(WithdrawalRecorder.source(WithdrawalReason.HARD_BOUNCE)).isEqualTo("hard-bounce");
        assertThat(WithdrawalRecorder.source(WithdrawalReason.COMPLAINT)).isEqualTo("complaint");
        assertThat(WithdrawalRecorder.source(WithdrawalReason.TEXTED_STOP)).isEqualTo("texted-stop");
    }
}
