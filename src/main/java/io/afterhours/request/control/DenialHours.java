package io.afterhours.request.control;

import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.hours.boundary.WorkingTime;
import io.afterhours.intake.boundary.Denials;
import io.afterhours.intake.boundary.DeniedLogon;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The final word on whether a denial was out of hours (product.md F10): intake only knew the default policy, the
 * request worker knows the person, so their directory groups pick their own policy, and the denial's session type
 * its frames. The answer is written back to the notification, in the worker's transaction.
 */
@ApplicationScoped
public class DenialHours {

    @Inject
    WorkingTime workingTime;

    @Inject
    Denials denials;

    /** Whether {@code denial} fell in {@code person}'s working hours (then it is not one to extend). */
    public boolean inHoursFor(DirectoryPerson person, DeniedLogon denial) {
        boolean inHours =
                workingTime.isWorkingTime(person.groups(), denial.at(), denial.sessionType(), denial.eventType());
        denials.reclassify(denial.notificationId(), inHours);
        return inHours;
    }
}
