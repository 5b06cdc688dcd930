package io.afterhours.request.boundary;

import java.util.List;

/**
 * A request the policy or the lifecycle does not allow, with every reason as a message key (the page shows them from
 * its resource bundle) and, for an overlap, the request it overlaps so the page can offer to extend that one instead.
 */
public class RequestRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final List<String> problems;
    private final Long overlapping;

    public RequestRefused(List<String> problems, Long overlapping) {
        super(String.join(", ", problems));
        this.problems = List.copyOf(problems);
        this.overlapping = overlapping;
    }

    public List<String> problems() {
        return problems;
    }

    public Long overlapping() {
        return overlapping;
    }
}
