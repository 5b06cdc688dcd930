package io.afterhours.intake.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A burst of notifications refused as unauthenticated (no UserLock ID, or one not accepted) has ended: {@code refused}
 * of them between {@code from} and {@code to}, with a few of the IDs presented, masked. Fired once per burst, outside
 * any transaction, from the intake's background tick. Never carries a whole presented ID: it may be a real ID typed
 * into the wrong server, and it goes into mails.
 */
public record UnknownUserLockIds(long refused, Instant from, Instant to, List<String> maskedIds) {

    /** At most the first and last four characters of a long ID, two of a short one; anything odd shown as '?'. */
    public static String mask(String presented) {
        String id = presented == null
                ? ""
                : presented.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "?");
        if (id.length() >= 12) {
            return id.substring(0, 4) + "…" + id.substring(id.length() - 4);
        }
        return id.length() >= 4 ? id.substring(0, 2) + "…" : "…";
    }
}
