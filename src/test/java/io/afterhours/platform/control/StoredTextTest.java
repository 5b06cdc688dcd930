package io.afterhours.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Attacker-influenced text prepared for a database column. */
class StoredTextTest {

    @Test
    void nullStaysNull() {
        assertNull(StoredText.column(null, 10));
    }

    @Test
    void shortCleanTextIsReturnedAsIs() {
        String value = "Zo\u00eb \u5c71\u7530 <b>";

        assertSame(value, StoredText.column(value, 64));
    }

    @Test
    void textOfExactlyTheLimitIsKeptWhole() {
        assertEquals("abcde", StoredText.column("abcde", 5));
    }

    @Test
    void longerTextIsCutToTheLimitWithAnEllipsis() {
        String cut = StoredText.column("abcdefgh", 5);

        assertEquals("abcd\u2026", cut);
        assertEquals(5, cut.length());
    }

    @Test
    void nulBecomesTheReplacementCharacter() {
        assertEquals("a\uFFFDb\uFFFD", StoredText.column("a\u0000b\u0000", 64));
    }

    @Test
    void nulIsReplacedBeforeCutting() {
        assertEquals("\uFFFD\uFFFD\u2026", StoredText.column("\u0000".repeat(10), 3));
    }

    @Test
    void surrogatePairIsNeverSplitAtTheCut() {
        // "abc" + U+1F600 (two chars) + "def": cutting at 4 chars would leave a lone high surrogate.
        String cut = StoredText.column("abc\ud83d\ude00def", 5);

        assertEquals("abc\u2026", cut);
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 2)));
    }

    @Test
    void surrogatePairBeforeTheCutIsKept() {
        assertEquals("ab\ud83d\ude00\u2026", StoredText.column("ab\ud83d\ude00defgh", 5));
    }

    @Test
    void otherControlCharactersAreKeptForTheColumn() {
        // Only NUL is impossible in PostgreSQL text; CR/LF are escaped where they are displayed or logged.
        assertEquals("a\r\nb\u202E", StoredText.column("a\r\nb\u202E", 64));
    }
}
