package io.afterhours.request.boundary;

/**
 * What a decision link opens: the request as its detail page would show it, and the problem that keeps the link from
 * deciding, or null when pressing the button will decide. {@code detail} is null when the viewer may not see the
 * request at all (a link that is not theirs, or not a real link).
 */
public record LinkedRequest(LinkProblem problem, RequestDetail detail) {

    public boolean decidable() {
        return problem == null;
    }
}
