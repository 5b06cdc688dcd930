package io.afterhours.request.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Auto-approval rules from the policy (product.md F3): a request by a member of a rule's group, for a window no longer
 * than the rule allows, is approved by the system at once, at most {@code max-per-month} times per person and
 * calendar month. Rules are named in {@code afterhours.request.auto-approve.rules} and tried in that order; none by
 * default. The rule's name is recorded on the decision ({@code request_decision.decided_by_rule}), which is also what
 * the monthly cap counts.
 */
@ApplicationScoped
public class AutoApprovalRules {

    static final String PREFIX = "afterhours.request.auto-approve.";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    /** One rule; {@code shownAs} is how the decision names its decider. */
    public record Rule(String name, String group, Duration maxDuration, int maxPerMonth) {

        public String shownAs() {
            return "Afterhours (rule: " + name + ")";
        }
    }

    @Inject
    Config config;

    @PersistenceContext
    EntityManager em;

    private List<Rule> rules = List.of();

    @PostConstruct
    void load() {
        rules = read(key -> config.getOptionalValue(key, String.class));
    }

    public static AutoApprovalRules of(List<Rule> rules) {
        AutoApprovalRules out = new AutoApprovalRules();
        out.rules = List.copyOf(rules);
        return out;
    }

    /** Reads and checks every rule; a bad rule stops the deployment with a message naming its key. */
    static List<Rule> read(Function<String, Optional<String>> setting) {
        List<Rule> out = new ArrayList<>();
        for (String name : setting.apply(PREFIX + "rules").orElse("").split(",")) {
            name = name.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException(PREFIX + "rules: '" + name + "' is not a rule name (letters, digits,"
                        + " '-' and '_', at most 40)");
            }
            String group = required(setting, name, "group");
            Duration maxDuration = Duration.parse(required(setting, name, "max-duration"));
            int maxPerMonth = Integer.parseInt(required(setting, name, "max-per-month"));
            if (maxDuration.isNegative() || maxDuration.isZero() || maxPerMonth < 1) {
                throw new IllegalStateException(PREFIX + name + ": max-duration and max-per-month must be positive");
            }
            out.add(new Rule(name, group, maxDuration, maxPerMonth));
        }
        return List.copyOf(out);
    }

    private static String required(Function<String, Optional<String>> setting, String rule, String key) {
        return setting.apply(PREFIX + rule + "." + key)
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .orElseThrow(() -> new IllegalStateException(PREFIX + rule + "." + key + " is required"));
    }

    /**
     * The first rule that approves a window of this length for someone in these groups, given how many times each
     * rule has approved them this month.
     */
    public Optional<Rule> match(Predicate<String> memberOf, Duration window, ToLongFunction<Rule> usedThisMonth) {
        for (Rule rule : rules) {
            if (memberOf.test(rule.group())
                    && window.compareTo(rule.maxDuration()) <= 0
                    && usedThisMonth.applyAsLong(rule) < rule.maxPerMonth()) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** How many of this person's requests the rule approved since {@code since}. */
    public long approvedSince(String requesterGuid, Rule rule, Instant since) {
        return em.createQuery(
                        "SELECT COUNT(d) FROM RequestDecision d, ExtensionRequest r WHERE r.id = d.requestId AND"
                                + " r.requesterGuid = :me AND d.decidedByRule = :rule AND d.decidedAt >= :since",
                        Long.class)
                .setParameter("me", requesterGuid)
                .setParameter("rule", rule.name())
                .setParameter("since", since)
                .getSingleResult();
    }

    /** The rule behind each of these requests that a rule approved, by request id; the others are absent. */
    public Map<Long, String> rulesBehind(Collection<Long> requestIds) {
        Map<Long, String> out = new HashMap<>();
        if (requestIds.isEmpty()) {
            return out;
        }
        em.createQuery(
                        "SELECT d.requestId, d.decidedByRule FROM RequestDecision d WHERE d.requestId IN :ids AND"
                                + " d.decidedByRule IS NOT NULL",
                        Object[].class)
                .setParameter("ids", List.copyOf(requestIds))
                .getResultList()
                .forEach(row -> out.put(((Number) row[0]).longValue(), (String) row[1]));
        return out;
    }

    /** The start of the calendar month {@code now} falls in, in {@code zone}: the monthly cap counts from there. */
    public static Instant monthStart(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        return local.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
    }

    public List<Rule> rules() {
        return rules;
    }
}
