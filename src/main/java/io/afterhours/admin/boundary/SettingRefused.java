package io.afterhours.admin.boundary;

import java.util.List;

/**
 * A settings change refused, with every reason as a message key ({@code key} or {@code key|argument}). Unchecked, so
 * the transaction rolls back and nothing is saved.
 */
public class SettingRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public SettingRefused(List<String> problems) {
        super(String.join(", ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
