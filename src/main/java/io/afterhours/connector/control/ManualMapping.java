package io.afterhours.connector.control;

import io.afterhours.connector.entity.ActionType;
import io.afterhours.connector.manual.ManualCommands;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A queued action as {@link ManualCommands} takes it: the same fields the bridge API sends (docs/bridge-api.md), the
 * window in the zone the UserLock server reads StartDate/EndDate in ({@code afterhours.userlock.zone}).
 */
public final class ManualMapping {

    private ManualMapping() {}

    public static ManualCommands.Action action(
            ActionType type,
            String account,
            String accountKey,
            Instant start,
            Instant end,
            Instant previousStart,
            Instant previousEnd,
            String sessionTypes,
            String overtimeAction,
            ZoneId zone) {
        return new ManualCommands.Action(
                type == ActionType.APPLY ? ManualCommands.Type.APPLY : ManualCommands.Type.REMOVE,
                account,
                accountKey,
                window(start, end, zone),
                sessionTypes == null || sessionTypes.isBlank() ? List.of() : List.of(sessionTypes.split(",")),
                overtimeAction,
                previousStart == null ? null : window(previousStart, previousEnd, zone));
    }

    private static ManualCommands.Window window(Instant start, Instant end, ZoneId zone) {
        return new ManualCommands.Window(
                start.atZone(zone).toLocalDateTime(), end.atZone(zone).toLocalDateTime());
    }
}
