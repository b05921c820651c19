package dev.lifeline.outreach.delivery;

/**
 * How a run's audience is cut into delivery batches: an opening slice of a few recipients, then slices of the batch
 * size. The opening slice is what lets a business's first messages leave within seconds in a storm: every run's
 * opening goes onto the work queue before any run's bulk does (see RunFeeder), so a thousand businesses each reach
 * their first customers after a few thousand messages, not after the whole of everyone's audience.
 */
public record Slicing(int opening, int size) {

    public Slicing {
        if (opening < 1 || size < 1) {
            throw new IllegalArgumentException("slices hold at least one recipient");
        }
    }

    /** The slice of the recipient at this position of the audience. */
    public int sliceOf(int index) {
        return index < opening ? 0 : 1 + (index - opening) / size;
    }

    /** How many slices an audience of this size has. */
    public int count(int audience) {
        return audience == 0 ? 0 : sliceOf(audience - 1) + 1;
    }
}
