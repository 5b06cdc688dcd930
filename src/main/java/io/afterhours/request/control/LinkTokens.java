package io.afterhours.request.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks decision-link tokens with HMAC-SHA256: {@code <request>.<approver GUID>.<id>.<expiry seconds>.<mac>},
 * every part URL-safe. The signature covers a version prefix and the four fields, so changing any of them (another
 * request, another approver, a later expiry) makes the token worthless. No state: whether a token was used up is the
 * boundary's business.
 */
public final class LinkTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v1.";
    private static final int MAX_LENGTH = 200;
    private static final Pattern SHAPE = Pattern.compile(
            "\\d{1,18}\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.[A-Za-z0-9_-]{22}\\.\\d{1,12}"
                    + "\\.[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    /** {@code key}: at least 32 bytes (the strength of SHA-256). */
    public LinkTokens(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("A link signing key needs at least 32 bytes");
        }
        this.key = key.clone();
    }

    /** A new token for this request and approver, with a fresh random id, valid until {@code expiresAt}. */
    public String issue(long requestId, UUID approver, Instant expiresAt) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return sign(new LinkToken(requestId, approver, BASE64.encodeToString(id), expiresAt));
    }

    /** The token for exactly these fields (tests forge expired ones with it). */
    public String sign(LinkToken token) {
        String fields = token.requestId() + "." + token.approver() + "." + token.id() + "."
                + token.expiresAt().getEpochSecond();
        return fields + "." + BASE64.encodeToString(mac(fields));
    }

    /**
     * The token's fields when it is well formed and signed with this key; empty otherwise (tampered, truncated,
     * signed with another key). Whether it has expired is left to the caller, who says so differently.
     */
    public Optional<LinkToken> verify(String token) {
        if (token == null
                || token.length() > MAX_LENGTH
                || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        String fields = token.substring(0, last);
        // The encoded signature is compared, not the decoded bytes: a decoder ignores the unused low bits of the
        // last character, so several strings decode to the same MAC and a token must be exactly one string.
        // Constant time: how much of a forged signature matched must not show in the answer time.
        byte[] given = token.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = BASE64.encodeToString(mac(fields)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        String[] parts = fields.split("\\.");
        return Optional.of(new LinkToken(
                Long.parseLong(parts[0]),
                UUID.fromString(parts[1]),
                parts[2],
                Instant.ofEpochSecond(Long.parseLong(parts[3]))));
    }

    private byte[] mac(String fields) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal((VERSION + fields).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
