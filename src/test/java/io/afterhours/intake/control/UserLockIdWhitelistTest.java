package io.afterhours.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Authentication of the UserLock ID: reliability.md B8–B10. */
class UserLockIdWhitelistTest {

    static final String PRIMARY = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    static final String BACKUP = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    static final String PREVIOUS = "d9428888-122b-11e1-b85c-61cd3cbb3210";

    @ParameterizedTest
    @ValueSource(
            strings = {
                PRIMARY,
                "{" + PRIMARY + "}",
                "3F2504E0-4F89-11D3-9A0C-0305E82C3301",
                "{3F2504E0-4F89-11D3-9A0C-0305E82C3301}",
                "3f2504E0-4F89-11d3-9A0c-0305e82C3301"
            })
    void primaryMatchesWithOrWithoutBracesInAnyAsciiCase(String presented) {
        UserLockIdWhitelist whitelist = whitelist(PRIMARY, null, null);

        assertEquals(Optional.of(ServerSlot.PRIMARY), whitelist.match(presented));
    }

    @Test
    void configuredIdWithBracesAndUpperCaseMatchesPlainLowerCase() {
        UserLockIdWhitelist whitelist = whitelist("  {" + PRIMARY.toUpperCase() + "}  ", null, null);

        assertEquals(Optional.of(ServerSlot.PRIMARY), whitelist.match(PRIMARY));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                PRIMARY + " ",
                " " + PRIMARY,
                PRIMARY + "\n",
                "{" + PRIMARY + "} ",
                "{{" + PRIMARY + "}}",
                "{" + PRIMARY,
                PRIMARY + "}",
                "(" + PRIMARY + ")",
                "3f2504e0-4f89-11d3-9a0c-0305e82c330",
                "3f2504e0",
                "3f2504e0-4f89-11d3-9a0c-0305e82c33011",
                "3f2504e04f8911d39a0c0305e82c3301",
                // Cyrillic small a (U+0430) in place of the Latin 'a' in "9a0c"
                "3f2504e0-4f89-11d3-9\u04300c-0305e82c3301",
                // Fullwidth digit three (U+FF13) in place of the first '3'
                "\uFF13f2504e0-4f89-11d3-9a0c-0305e82c3301",
                // Fullwidth Latin capital F (U+FF26)
                "3\uFF262504e0-4f89-11d3-9a0c-0305e82c3301",
                // Zero-width space inside
                "3f2504e0-4f89-11d3-9a0c-0305e82c\u200B3301",
                "7c9e6679-7425-40de-944b-e07fc1f90ae8"
            })
    void anythingElseDoesNotMatch(String presented) {
        UserLockIdWhitelist whitelist = whitelist(PRIMARY, BACKUP, PREVIOUS);

        assertEquals(Optional.empty(), whitelist.match(presented));
    }

    @Test
    void backupSlotIsRecognised() {
        UserLockIdWhitelist whitelist = whitelist(PRIMARY, BACKUP, PREVIOUS);

        assertEquals(Optional.of(ServerSlot.BACKUP), whitelist.match("{" + BACKUP.toUpperCase() + "}"));
    }

    @Test
    void previousSlotIsRecognised() {
        UserLockIdWhitelist whitelist = whitelist(PRIMARY, BACKUP, PREVIOUS);

        assertEquals(Optional.of(ServerSlot.PREVIOUS), whitelist.match(PREVIOUS));
    }

    @Test
    void backupAloneWorksWithoutPrimary() {
        UserLockIdWhitelist whitelist = whitelist(null, BACKUP, null);

        assertTrue(whitelist.isConfigured());
        assertEquals(Optional.of(ServerSlot.BACKUP), whitelist.match(BACKUP));
        assertEquals(Optional.empty(), whitelist.match(PRIMARY));
    }

    @Test
    void unconfiguredWhitelistMatchesNothing() {
        UserLockIdWhitelist whitelist = whitelist(null, null, null);

        assertFalse(whitelist.isConfigured());
        assertEquals(Optional.empty(), whitelist.match(PRIMARY));
        assertEquals(Optional.empty(), whitelist.match(""));
    }

    @Test
    void blankConfiguredIdsCountAsUnconfigured() {
        UserLockIdWhitelist whitelist = whitelist("", "   ", null);

        assertFalse(whitelist.isConfigured());
        assertEquals(Optional.empty(), whitelist.match(""));
        assertEquals(Optional.empty(), whitelist.match("   "));
    }

    @Test
    void nonGuidConfiguredIdIsStillAccepted() {
        // A warning is logged, but an operator's odd ID must not silently lock every notification out.
        UserLockIdWhitelist whitelist = whitelist("not-a-guid", null, null);

        assertEquals(Optional.of(ServerSlot.PRIMARY), whitelist.match("NOT-A-GUID"));
    }

    @Test
    void normaliseDropsOnePairOfBracesAndFoldsAsciiCase() {
        assertEquals(PRIMARY, UserLockIdWhitelist.normalise("{" + PRIMARY.toUpperCase() + "}"));
        assertEquals("{" + PRIMARY + "}", UserLockIdWhitelist.normalise("{{" + PRIMARY + "}}"));
        assertEquals("", UserLockIdWhitelist.normalise("{}"));
        assertEquals("{", UserLockIdWhitelist.normalise("{"));
    }

    @Test
    void comparisonIsConstantTimeViaMessageDigestIsEqual() throws IOException {
        // reliability.md B10: the code must compare digests with MessageDigest.isEqual, never String/Arrays.equals.
        String source = Files.readString(sourceOf(UserLockIdWhitelist.class));
        int start = source.indexOf("public Optional<ServerSlot> match(");
        int end = source.indexOf("public boolean isConfigured(");
        assertTrue(start >= 0 && end > start, "match(...) not found in the source");
        String match = source.substring(start, end);

        assertTrue(match.contains("MessageDigest.isEqual("), "match(...) must use MessageDigest.isEqual");
        assertFalse(match.contains(".equals("), "match(...) must not compare with equals");
        assertFalse(match.contains("compareTo("), "match(...) must not compare with compareTo");
        assertFalse(
                match.contains("break;") || match.contains("return Optional.of("),
                "match(...) must visit every slot, not stop at the first match");
        assertTrue(source.contains("MessageDigest.getInstance(\"SHA-256\")"), "IDs must be compared as digests");
        assertFalse(source.contains("Arrays.equals("), "digests must not be compared with Arrays.equals");
    }

    static UserLockIdWhitelist whitelist(String primary, String backup, String previous) {
        UserLockIdWhitelist whitelist = new UserLockIdWhitelist();
        whitelist.primary = Optional.ofNullable(primary);
        whitelist.backup = Optional.ofNullable(backup);
        whitelist.previous = Optional.ofNullable(previous);
        whitelist.load();
        return whitelist;
    }

    private static Path sourceOf(Class<?> type) {
        String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
        return Path.of(basedir, "src", "main", "java", type.getName().replace('.', '/') + ".java");
    }
}
