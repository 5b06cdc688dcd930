package io.afterhours.request.control;

import io.afterhours.request.control.AutoApprovalRules.Rule;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an administrator typed for an auto-approval rule, checked: a rule name (letters, digits, '-' and '_', at most
 * 40), a group name, the longest window as an ISO-8601 duration greater than zero and at most the maximum request
 * length, and how many times a month (1 to {@link AutoApprovalRules#MAX_PER_MONTH}). Every problem is a message key
 * ({@code key} or {@code key|argument}); whether the group exists and the name is free is the boundary's to check.
 */
public final class RuleInput {

    private RuleInput() {}

    /** The checked rule, or every reason it was refused. */
    public record Checked(Optional<Rule> rule, List<String> problems) {}

    public static Checked check(String name, String group, String maxDuration, String maxPerMonth, Duration maxLength) {
        List<String> problems = new ArrayList<>();
        String n = strip(name);
        if (!AutoApprovalRules.validName(n)) {
            problems.add("autoApproval.problem.name");
        }
        String g = strip(group);
        if (g.isEmpty() || g.length() > 256 || g.chars().anyMatch(Character::isISOControl)) {
            problems.add("autoApproval.problem.group");
        }
        Duration d = duration(strip(maxDuration));
        if (d == null || d.isNegative() || d.isZero() || d.compareTo(maxLength) > 0) {
            problems.add("autoApproval.problem.duration|" + maxLength);
            d = null;
        }
        Integer perMonth = count(strip(maxPerMonth));
        if (perMonth == null || perMonth < 1 || perMonth > AutoApprovalRules.MAX_PER_MONTH) {
            problems.add("autoApproval.problem.perMonth|" + AutoApprovalRules.MAX_PER_MONTH);
        }
        return problems.isEmpty()
                ? new Checked(Optional.of(new Rule(n, g, d, perMonth)), List.of())
                : new Checked(Optional.empty(), List.copyOf(problems));
    }

    /**
     * The order after moving the element at {@code index} one place up ({@code up}) or down; empty when it is already
     * first or last.
     */
    public static <T> Optional<List<T>> moved(List<T> order, int index, boolean up) {
        int other = up ? index - 1 : index + 1;
        if (index < 0 || index >= order.size() || other < 0 || other >= order.size()) {
            return Optional.empty();
        }
        List<T> out = new ArrayList<>(order);
        out.set(index, order.get(other));
        out.set(other, order.get(index));
        return Optional.of(List.copyOf(out));
    }

    /** How a rule reads in the audit: "group X, windows up to PT1H, 2 per month". */
    public static String describe(Rule rule) {
        return "group " + rule.group() + ", windows up to " + rule.maxDuration() + ", " + rule.maxPerMonth()
                + " per month";
    }

    private static Duration duration(String text) {
        if (text.isEmpty() || text.length() > 32) {
            return null;
        }
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer count(String text) {
        if (!text.matches("[0-9]{1,6}")) {
            return null;
        }
        return Integer.valueOf(text);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
