package io.afterhours.simulator.control;

import io.afterhours.hours.entity.SessionType;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * UserLock's hour-restriction rules for one user (userlock.md 3.4), pure so they are unit-tested: a temporary account
 * beats a permanent one, a user account beats a group account, and inside a temporary account's window only its
 * time frames count (the "authorised window replaces normal hours" pitfall). The permanent group account is the
 * user's working-hours policy, passed in as a predicate so this class needs no container.
 */
public final class Protection {

    /** The permanent group policy as UserLock would hold it: whether a moment is authorised, and its description. */
    public interface GroupHours {
        boolean authorises(Instant at, SessionType type);

        String describe();
    }

    private Protection() {}

    /**
     * The verdict for a logon of {@code type} at {@code at}, given the user's temporary user accounts and their
     * group's permanent hours (null: the user is not protected by any group account).
     */
    public static Verdict evaluate(
            Instant at, SessionType type, Collection<TemporaryAccount> temporary, GroupHours groupHours) {
        // Of several windows in force (UserLock refuses overlapping temporary accounts in the console, the bridge
        // merges them), the earliest-starting one decides, deterministically.
        Optional<TemporaryAccount> inForce =
                temporary.stream().filter(a -> a.inForce(at)).min(Comparator.comparing(TemporaryAccount::start));
        if (inForce.isPresent()) {
            TemporaryAccount account = inForce.get();
            String name = "temporary user account " + account.accountKey();
            if (account.sessionTypes().contains(type)) {
                return new Verdict(
                        true,
                        name,
                        "inside its window " + account.start() + " – " + account.end()
                                + ", which authorises the whole day for " + type);
            }
            // The window replaces the normal hours entirely: a session type it does not list is denied even when
            // the group's hours would allow it.
            return new Verdict(
                    false,
                    name,
                    "inside its window, which does not authorise " + type + " (the window replaces the normal hours)");
        }
        if (groupHours == null) {
            return new Verdict(true, "no protected account", "the user has no hour restriction");
        }
        if (groupHours.authorises(at, type)) {
            return new Verdict(true, "permanent group account", "within the normal hours " + groupHours.describe());
        }
        return new Verdict(false, "permanent group account", "outside the normal hours " + groupHours.describe());
    }
}
