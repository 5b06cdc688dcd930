package io.afterhours.notification.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code Message-ID} of an outbox row: the same for every attempt at that row, so a mail sent twice (a crash
 * between the server's 250 and marking the row SENT) is recognisable as one; and told apart between installations by
 * a tag derived from the portal's address.
 */
public final class MessageIds {

    private MessageIds() {}

    public static String of(long outboxId, String portalUrl) {
        return "<outbox-" + outboxId + "." + tag(portalUrl) + "@afterhours>";
    }

    static String tag(String portalUrl) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(portalUrl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
