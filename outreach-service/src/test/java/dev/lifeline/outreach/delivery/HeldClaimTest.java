package dev.lifeline.outreach.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeldClaimTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(7 * SECOND);
    private final List<UUID> confirmations = new ArrayList<>();
    private final AtomicBoolean stillOurs = new AtomicBoolean(true);
    private final UUID token = UUID.randomUUID();
    /** The default PT2M lease: confirmed every 30 s. */
    private final HeldClaim held = new HeldClaim(
            token,
            new ClaimLease(Duration.ofMinutes(2)).confirmEvery(),
            t -> {
                confirmations.add(t);
                return stillOurs.get();
            },
            now::get);

    @Test
    void aFreshClaimSendsWithoutTouchingTheLedger() {
        held.beforeSend();
        now.addAndGet(29 * SECOND);
        held.beforeSend();
        assertThat(confirmations).isEmpty();
    }

    @Test
    void aClaimUnconfirmedForAQuarterLeaseIsConfirmedBeforeTheNextSendAndThenAgainOnlyAQuarterLater() {
        now.addAndGet(30 * SECOND);
        held.beforeSend();
        assertThat(confirmations).containsExactly(token);
        now.addAndGet(29 * SECOND);
        held.beforeSend();
        assertThat(confirmations).hasSize(1);
        now.addAndGet(SECOND);
        held.beforeSend();
        assertThat(confirmations).hasSize(2);
    }

    @Test
    void theLastRowOfASlowBatchCountsItsAgeFromTheBatchsClaimSoARowTheSweeperTookBackIsNotSentTwice() {
        long claimedAt = now.get();
        // The sender reaches this row 40 s after the batch was claimed (rate-limited rows before it); meanwhile the
        // lease ran out in the ledger and the sweeper handed the row to a new claim.
        now.addAndGet(40 * SECOND);
        stillOurs.set(false);
        HeldClaim reachedLate = new HeldClaim(
                token,
                new ClaimLease(Duration.ofMinutes(2)).confirmEvery(),
                t -> {
                    confirmations.add(t);
                    return stillOurs.get();
                },
                now::get,
                claimedAt);
        assertThatThrownBy(reachedLate::beforeSend).isInstanceOf(HeldClaim.Lost.class);
        assertThat(confirmations).containsExactly(token);
    }

    @Test
    void aClaimTheSweeperTookBackStopsTheSend() {
        stillOurs.set(false);
        now.addAndGet(45 * SECOND);
        assertThatThrownBy(held::beforeSend).isInstanceOf(HeldClaim.Lost.class);
    }

    @Test
    void theLeaseGivesTheRhythmsAndMustBeAtLeastASecond() {
        ClaimLease lease = new ClaimLease(Duration.ofSeconds(10));
        assertThat(lease.confirmEvery()).isEqualTo(Duration.ofMillis(2500));
        assertThat(lease.sweepEvery()).isEqualTo(Duration.ofMillis(2500));
        assertThatThrownBy(() -> new ClaimLease(Duration.ofMillis(500))).isInstanceOf(IllegalArgumentException.class);
    }
}
