package io.afterhours.request.control;

import io.afterhours.platform.control.ApplicationStartup.SchemaReady;
import io.afterhours.platform.control.PeriodicJob;
import io.afterhours.request.entity.PortalRule;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
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
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;

/**
 * Auto-approval rules from the policy (product.md F3): a request by a member of a rule's group, for a window no longer
 * than the rule allows, is approved by the system at once, at most {@code max-per-month} times per person and
 * calendar month. The rules named in {@code afterhours.request.auto-approve.rules} come first, in that order (the
 * operator's, read-only in the portal); then the rules administrators saved in the portal (table auto_approval_rule),
 * in their order. The first that matches wins. The rule's name is recorded on the decision
 * ({@code request_decision.decided_by_rule}), which is also what the monthly cap counts. The portal's rules are held in
 * memory, reloaded every {@code afterhours.settings.refresh} and right after a change commits on this instance, so
 * matching a request costs no database read for the rules.
 */
@ApplicationScoped
public class AutoApprovalRules {

    static final String PREFIX = "afterhours.request.auto-approve.";
    private static final Logger LOG = Logger.getLogger(AutoApprovalRules.class.getName());
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
    /** The most a portal rule may allow per person and month. */
    public static final int MAX_PER_MONTH = 1000;

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

    @Resource
    ManagedScheduledExecutorService scheduler;

    private List<Rule> configured = List.of();
    private volatile List<Rule> saved = List.of();
    private final PeriodicJob reloading =
            PeriodicJob.loggingTo(LOG).step("Auto-approval rules from the portal kept as they were: {0}", this::reload);

    @PostConstruct
    void load() {
        configured = read(key -> config.getOptionalValue(key, String.class));
    }

    void start(@Observes SchemaReady ready) {
        reloading.runNow();
        Duration refresh = config.getValue("afterhours.settings.refresh", Duration.class);
        reloading.start(scheduler, refresh, refresh);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) RulesChanged changed) {
        reloading.runNow();
    }

    @PreDestroy
    void stop() {
        reloading.stop();
    }

    /** Fired in the transaction that changed a portal rule; the rules in memory are reloaded once it commits. */
    public record RulesChanged() {}

    public static AutoApprovalRules of(List<Rule> rules) {
        return of(rules, List.of());
    }

    /** Rules from configuration, then from the portal, as the deployment would hold them (for unit tests). */
    public static AutoApprovalRules of(List<Rule> configured, List<Rule> saved) {
        AutoApprovalRules out = new AutoApprovalRules();
        out.configured = List.copyOf(configured);
        out.saved = List.copyOf(saved);
        return out;
    }

    private void reload() {
        saved =
                em
                        .createQuery("SELECT r FROM PortalRule r ORDER BY r.sortOrder, r.id", PortalRule.class)
                        .getResultList()
                        .stream()
                        .map(AutoApprovalRules::rule)
                        .toList();
    }

    /** A saved row as the rule it stands for. */
    public static Rule rule(PortalRule row) {
        return new Rule(row.name(), row.group(), Duration.parse(row.maxDuration()), row.maxPerMonth());
    }

    /** Whether {@code name} is a valid rule name: letters, digits, '-' and '_', at most 40, not starting with a sign. */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
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
        for (Rule rule : rules()) {
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

    /** Every rule in the order they are tried: configuration's first, then the portal's. */
    public List<Rule> rules() {
        return Stream.concat(configured.stream(), saved.stream()).toList();
    }

    /** The rules from configuration (read-only in the portal). */
    public List<Rule> configured() {
        return configured;
    }
}
