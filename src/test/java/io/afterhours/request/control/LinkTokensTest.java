package io.afterhours.request.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    private static final UUID APPROVER = UUID.fromString("3f2b9c1e-8d4a-4c6b-9e2f-1a7d5b3c8e90");
    private static final Instant EXPIRES = Instant.parse("2026-12-04T21:00:00Z");
    private final LinkTokens tokens = new LinkTokens(key("a signing key of at least 32 bytes!"));

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTokenItIssuedVerifiesWithItsFieldsAndIsUrlSafe() {
        String token = tokens.issue(42, APPROVER, EXPIRES);

        LinkToken read = tokens.verify(token).orElseThrow();
        assertEquals(42, read.requestId());
        assertEquals(APPROVER, read.approver());
        assertEquals(EXPIRES, read.expiresAt());
        assertEquals(22, read.id().length());
        assertTrue(token.matches("[A-Za-z0-9._-]+"), token);
    }

    @Test
    void everyTokenHasItsOwnId() {
        String first = tokens.issue(42, APPROVER, EXPIRES);
        String second = tokens.issue(42, APPROVER, EXPIRES);

        assertNotEquals(first, second);
        assertNotEquals(
                tokens.verify(first).orElseThrow().id(),
                tokens.verify(second).orElseThrow().id());
    }

    @Test
    void changingAnyFieldOrTheSignatureVoidsIt() {
        String token = tokens.issue(42, APPROVER, EXPIRES);
        String[] parts = token.split("\\.");

        assertEquals(Optional.empty(), tokens.verify(token.replaceFirst("^42\\.", "43.")), "another request");
        assertEquals(
                Optional.empty(),
                tokens.verify(
                        token.replace(APPROVER.toString(), UUID.randomUUID().toString())),
                "another approver");
        assertEquals(
                Optional.empty(),
                tokens.verify(token.replace("." + parts[3] + ".", "." + (Long.parseLong(parts[3]) + 86400) + ".")),
                "a later expiry");
        char last = token.charAt(token.length() - 1);
        assertEquals(
                Optional.empty(),
                tokens.verify(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A')),
                "another signature");
    }

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    void aSignatureWhoseLastCharacterDiffersOnlyInUnusedBitsIsRefused() {
        String token = tokens.issue(42, APPROVER, EXPIRES);
        String signature = token.substring(token.lastIndexOf('.') + 1);
        // 32 bytes make 43 characters: the last one carries 4 bits and 2 unused ones a lenient decoder drops.
        int last = ALPHABET.indexOf(signature.charAt(signature.length() - 1));
        char sameBytes = ALPHABET.charAt(last ^ 1);
        String variant = token.substring(0, token.length() - 1) + sameBytes;

        assertArrayEquals(
                Base64.getUrlDecoder().decode(signature),
                Base64.getUrlDecoder().decode(variant.substring(variant.lastIndexOf('.') + 1)),
                "the variant decodes to the same MAC");
        assertEquals(Optional.empty(), tokens.verify(variant));
        assertTrue(tokens.verify(token).isPresent());
    }

    @Test
    void aTokenSignedWithAnotherKeyOrMalformedIsRefused() {
        String foreign = new LinkTokens(key("another key, also of 32 bytes or more")).issue(42, APPROVER, EXPIRES);

        assertFalse(tokens.verify(foreign).isPresent());
        assertFalse(tokens.verify(null).isPresent());
        assertFalse(tokens.verify("").isPresent());
        assertFalse(tokens.verify("42").isPresent());
        assertFalse(tokens.verify(foreign.substring(0, foreign.length() - 5)).isPresent(), "truncated");
        assertFalse(tokens.verify(foreign + "x".repeat(300)).isPresent(), "overlong");
        assertFalse(tokens.verify("42.' OR 1=1 --").isPresent());
    }

    @Test
    void expiryIsTheCallersToAskAndEndsAtTheExpiryInstant() {
        LinkToken read = tokens.verify(tokens.issue(42, APPROVER, EXPIRES)).orElseThrow();

        assertFalse(read.expiredAt(EXPIRES.minusSeconds(1)));
        assertTrue(read.expiredAt(EXPIRES));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LinkTokens(key("too short")));
    }
}
