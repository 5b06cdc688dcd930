package io.afterhours.intake.control;

import io.afterhours.intake.entity.Classification;
import io.afterhours.intake.entity.EventCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides what "Reclassify stored notifications" writes for one stored notification, given what interpreting its raw
 * JSON again gives now. Pure, so the rules are unit-tested on their own:
 *
 * <ul>
 *   <li>The mapped columns, the event category and the classification take the new values; the identity (id,
 *       dedupe key, received_at, raw_json) is never touched.
 *   <li>A denial the request worker has already looked at keeps its classification if it is still a denial: the
 *       worker wrote the final one under the person's own working-hours policy, which the interpreter does not know.
 *   <li>A notification that opened or joined a request keeps that link and its hand-over mark.
 *   <li>A denial the worker should look at again (it was not a denial before, or it had no user and now has one) is
 *       handed over again ({@code request_checked_at} NULL) only while a request for it would still be useful: its
 *       time plus {@code stillUseful} (the default request length) is not yet past. An older one is marked as looked at
 *       so the worker never opens a request for a window that is over.
 *   <li>A logon or logoff that gained a user is handed to the usage worker again (linking is idempotent).
 * </ul>
 */
public final class Reclassifier {

    private Reclassifier() {}

    /** The columns of a stored notification that reclassifying reads. */
    public record Stored(
            long id,
            String userName,
            String userDomain,
            String computer,
            String clientAddress,
            String sessionType,
            String sessionId,
            String details,
            boolean mapped,
            String unmappedMembers,
            String category,
            String classification,
            Long requestId,
            Instant requestCheckedAt) {}

    /** What happens to the request worker's hand-over mark. */
    public enum HandOver {
        KEEP,
        /** request_checked_at NULL: the request worker looks at the denial (again). */
        AGAIN,
        /** request_checked_at set now: a denial too old for a request is marked as looked at. */
        CLOSED
    }

    /** The values to write, and what changed. */
    public record Outcome(
            IncomingNotification fresh,
            Classification classification,
            HandOver handOver,
            boolean usageAgain,
            boolean changed,
            boolean newlyMapped,
            boolean newlyOutOfHours) {}

    public static Outcome judge(Stored old, IncomingNotification fresh, Instant now, Duration stillUseful) {
        boolean wasDenial = isDenial(old.classification());
        boolean isDenial = isDenial(fresh.classification().name());
        boolean newlyMapped = !old.mapped() && fresh.mapped();
        Classification classification = wasDenial && isDenial && old.requestCheckedAt() != null
                ? Classification.valueOf(old.classification())
                : fresh.classification();

        HandOver handOver = HandOver.KEEP;
        if (isDenial && old.requestId() == null && (!wasDenial || newlyMapped)) {
            boolean useful = !fresh.effectiveTime().plus(stillUseful).isBefore(now);
            if (useful) {
                handOver = old.requestCheckedAt() == null ? HandOver.KEEP : HandOver.AGAIN;
            } else {
                handOver = old.requestCheckedAt() == null ? HandOver.CLOSED : HandOver.KEEP;
            }
        }
        boolean usageAgain =
                newlyMapped && (fresh.category() == EventCategory.LOGON || fresh.category() == EventCategory.LOGOFF);

        boolean changed = !Objects.equals(old.userName(), fresh.userName())
                || !Objects.equals(old.userDomain(), fresh.userDomain())
                || !Objects.equals(old.computer(), fresh.computer())
                || !Objects.equals(old.clientAddress(), fresh.clientAddress())
                || !Objects.equals(old.sessionType(), fresh.sessionType())
                || !Objects.equals(old.sessionId(), fresh.sessionId())
                || !Objects.equals(old.details(), fresh.details())
                || old.mapped() != fresh.mapped()
                || !Objects.equals(emptyAsNull(old.unmappedMembers()), emptyAsNull(fresh.unmappedMembers()))
                || !Objects.equals(old.category(), fresh.category().name())
                || !Objects.equals(old.classification(), classification.name());
        boolean newlyOutOfHours = classification == Classification.OUT_OF_HOURS_DENIAL
                && !Classification.OUT_OF_HOURS_DENIAL.name().equals(old.classification());
        return new Outcome(fresh, classification, handOver, usageAgain, changed, newlyMapped, newlyOutOfHours);
    }

    private static boolean isDenial(String classification) {
        return Classification.OUT_OF_HOURS_DENIAL.name().equals(classification)
                || Classification.IN_HOURS_DENIAL.name().equals(classification);
    }

    private static String emptyAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
