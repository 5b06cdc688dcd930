package io.afterhours.intake.boundary;

import java.util.List;

/** A rotation refused, with every reason as a message key. Unchecked, so nothing is saved. */
public class UserLockIdRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public UserLockIdRefused(List<String> problems) {
        super(String.join(", ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
