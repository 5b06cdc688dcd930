package io.afterhours.hours.boundary;

import java.util.List;

/**
 * A policy change refused, with every reason as a message key ({@code key} or {@code key|argument}), so the page can
 * show them all at once. Unchecked, so the transaction rolls back.
 */
public class PolicyRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public PolicyRefused(List<String> problems) {
        super(String.join(", ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
