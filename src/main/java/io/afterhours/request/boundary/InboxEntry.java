package io.afterhours.request.boundary;

/** A row of the approver's inbox: the request, and whose place the approver takes when deciding it (or null). */
public record InboxEntry(RequestSummary request, String onBehalfOf) {

    public long id() {
        return request.id();
    }
}
