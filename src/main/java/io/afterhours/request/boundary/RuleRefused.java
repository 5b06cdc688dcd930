package io.afterhours.request.boundary;

import java.util.List;

/**
 * A change to the auto-approval rules refused, with every reason as a message key ({@code key} or
 * {@code key|argument}). Unchecked, so the transaction rolls back and nothing is saved.
 */
public class RuleRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public RuleRefused(List<String> problems) {
        super(String.join(", ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
