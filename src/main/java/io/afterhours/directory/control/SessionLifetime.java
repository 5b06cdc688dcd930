package io.afterhours.directory.control;

import java.time.Duration;
import java.time.Instant;

/**
 * When a signed-in session must end regardless of activity (ASVS 7.3.2: absolute lifetime) and when the account
 * behind it is looked up again, so that disabling it in the directory ends its sessions (ASVS 7.4.2). The idle timeout
 * is the servlet container's session timeout.
 */
public record SessionLifetime(Duration absolute, Duration recheckEvery) {

    public enum Verdict {
        /** Carry on. */
        CONTINUE,
        /** Carry on once the directory confirms the account is still enabled. */
        RECHECK,
        /** Signed in too long ago: sign in again. */
        EXPIRED
    }

    public SessionLifetime {
        if (absolute.isNegative() || absolute.isZero() || recheckEvery.isNegative()) {
            throw new IllegalArgumentException("Session lifetimes must be positive: " + absolute + ", " + recheckEvery);
        }
    }

    public Verdict judge(Instant signedInAt, Instant lastChecked, Instant now) {
        if (!now.isBefore(signedInAt.plus(absolute))) {
            return Verdict.EXPIRED;
        }
        return now.isBefore(lastChecked.plus(recheckEvery)) ? Verdict.CONTINUE : Verdict.RECHECK;
    }
}
