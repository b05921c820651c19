package dev.lifeline.outreach.delivery;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SlicingTest {

    private final Slicing slicing = new Slicing(5, 200);

    @Test
    void theFirstRecipientsFormTheOpeningSliceAndTheRestFollowInBatches() {
        assertEquals(0, slicing.sliceOf(0));
        assertEquals(0, slicing.sliceOf(4));
        assertEquals(1, slicing.sliceOf(5));
        assertEquals(1, slicing.sliceOf(204));
        assertEquals(2, slicing.sliceOf(205));
    }

    @Test
    void anAudienceHasAsManySlicesAsItsLastRecipientNeeds() {
        assertEquals(0, slicing.count(0));
        assertEquals(1, slicing.count(1));
        assertEquals(1, slicing.count(5));
        assertEquals(2, slicing.count(6));
        assertEquals(2, slicing.count(205));
        assertEquals(3, slicing.count(206));
        assertEquals(501, slicing.count(100_000));
    }

    @Test
    void aSliceHoldsAtLeastOneRecipient() {
        assertThrows(IllegalArgumentException.class, () -> new Slicing(0, 200));
        assertThrows(IllegalArgumentException.class, () -> new Slicing(5, 0));
    }
}
