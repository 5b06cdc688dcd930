package io.afterhours.request.boundary;

import io.afterhours.request.entity.Deputy;
import java.time.Instant;

/** One deputyship as the manager's page lists it. */
public record DeputySummary(
        long id, String deputyAccount, String deputyName, Instant startsAt, Instant endsAt, boolean active) {

    static DeputySummary of(Deputy d, Instant now) {
        return new DeputySummary(d.id(), d.deputyAccount(), d.deputyName(), d.startsAt(), d.endsAt(), d.activeAt(now));
    }
}
