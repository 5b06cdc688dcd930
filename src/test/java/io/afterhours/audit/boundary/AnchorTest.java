package io.afterhours.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The anchor line as shipped to a SIEM and written to the anchor file, and an anchor as an auditor pastes it. */
class AnchorTest {

    private static final String HASH = "ab".repeat(32);
    private static final String FIRST = "cd".repeat(32);

    @Test
    void aLineReadsBackAsTheSameAnchor() {
        Anchor anchor = new Anchor(42, HASH, FIRST, Instant.parse("2026-12-04T14:00:00Z"));

        assertEquals(
                "AUDIT-ANCHOR seq=42 hash=" + HASH + " first=" + FIRST + " at=2026-12-04T14:00:00Z", anchor.line());
        assertEquals(anchor, Anchor.parse(anchor.line()).orElseThrow());
    }

    @Test
    void tornOrForeignLinesAreNotAnchors() {
        String line = new Anchor(42, HASH, FIRST, Instant.EPOCH).line();

        assertTrue(
                Anchor.parse(line.substring(0, line.length() - 5) + "garbage").isEmpty());
        assertTrue(Anchor.parse(line.substring(0, 40)).isEmpty());
        assertTrue(Anchor.parse("").isEmpty());
        assertTrue(Anchor.parse(null).isEmpty());
    }

    @Test
    void aPastedHashIsTrimmedAndLowerCased() {
        Anchor pasted = Anchor.pasted(7, "  " + HASH.toUpperCase() + "\n");

        assertEquals(7, pasted.seq());
        assertEquals(HASH, pasted.hash());
    }

    @Test
    void aPastedAnchorNeedsAnEntryNumberAndAFullHash() {
        assertThrows(IllegalArgumentException.class, () -> Anchor.pasted(0, HASH));
        assertThrows(IllegalArgumentException.class, () -> Anchor.pasted(-3, HASH));
        assertThrows(IllegalArgumentException.class, () -> Anchor.pasted(5, HASH.substring(1)));
        assertThrows(IllegalArgumentException.class, () -> Anchor.pasted(5, "zz" + HASH.substring(2)));
        assertThrows(IllegalArgumentException.class, () -> Anchor.pasted(5, null));
    }
}
