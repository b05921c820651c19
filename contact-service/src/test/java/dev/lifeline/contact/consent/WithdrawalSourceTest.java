package dev.lifeline.contact.consent;

import dev.lifeline.events.outreach.WithdrawalReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WithdrawalSourceTest {

    @Test
    void everyWithdrawalReasonIsRecordedUnderItsOwnLedgerSource() {
        assertThat(WithdrawalConsumer.sourceOf(WithdrawalReason.UNSUBSCRIBE)).isEqualTo("unsubscribe");
        assertThat(WithdrawalConsumer.sourceOf(WithdrawalReason.HARD_BOUNCE)).isEqualTo("hard-bounce");
        assertThat(WithdrawalConsumer.sourceOf(WithdrawalReason.COMPLAINT)).isEqualTo("complaint");
    }
}
