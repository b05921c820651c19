package dev.lifeline.reliability;

import java.util.List;
import java.util.Random;

/** The fuzz suites' seeded randomness, with the two draws they all make: one of some values, and raw bytes. */
final class FuzzRandom extends Random {

    FuzzRandom(long seed) {
        super(seed);
    }

    <T> T pick(List<T> values) {
        return values.get(nextInt(values.size()));
    }

    /** Between 1 and {@code max} random bytes. */
    byte[] bytes(int max) {
        byte[] bytes = new byte[1 + nextInt(max)];
        nextBytes(bytes);
        return bytes;
    }
}
