package io.afterhours.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class IdTimingBenchTest {

    private static final String ID = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

    @Test
    void wrongIdsShareExactlyThePrefixAndKeepTheGuidShape() {
        for (int prefix : new int[] {0, 8, 31}) {
            String guess = IdTimingBench.wrongId(ID, prefix);

            assertEquals(ID.substring(0, prefix), guess.substring(0, prefix));
            assertNotEquals(ID.charAt(prefix == 8 ? 9 : prefix), guess.charAt(prefix == 8 ? 9 : prefix));
            assertEquals(ID.length(), guess.length());
            assertEquals(ID.replaceAll("[^-]", "x"), guess.replaceAll("[^-]", "x"));
        }
    }

    @Test
    void medianOfOddAndEvenSamples() {
        assertEquals(2.0, IdTimingBench.median(new long[] {3, 1, 2}));
        assertEquals(2.5, IdTimingBench.median(new long[] {4, 1, 2, 3}));
    }
}
