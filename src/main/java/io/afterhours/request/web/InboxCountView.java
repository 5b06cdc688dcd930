package io.afterhours.request.web;

import io.afterhours.request.boundary.Decisions;
import io.afterhours.request.boundary.InboxQuery;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** How many requests wait for the signed-in approver, for the menu; looked up once per page. */
@Named
@RequestScoped
public class InboxCountView {

    @Inject
    Decisions decisions;

    private Integer count;

    public int getCount() {
        if (count == null) {
            try {
                count = decisions.inboxCount(InboxQuery.ALL);
            } catch (RuntimeException e) {
                // A menu badge must never break the page: without the directory, show no number.
                count = 0;
            }
        }
        return count;
    }
}
