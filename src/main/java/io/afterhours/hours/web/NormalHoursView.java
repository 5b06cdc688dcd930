package io.afterhours.hours.web;

import io.afterhours.hours.boundary.WorkingTime;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The signed-in employee's normal hours, shown next to their requested windows on My requests. */
@Named
@RequestScoped
public class NormalHoursView {

    @Inject
    WorkingTime workingTime;

    private String text;

    public String getText() {
        if (text == null) {
            text = workingTime.myNormalHours();
        }
        return text;
    }
}
