package io.afterhours.request.control;

import io.afterhours.admin.boundary.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The request policy (product.md F2): default and maximum window length, how far ahead a window may start, which
 * session types may be asked for, whether a reason is mandatory, and whether a request born from a denial goes to the
 * manager at once or waits for the employee's reason. {@link #check} returns every problem with a request at once,
 * as message keys, so the form can show them all.
 */
@ApplicationScoped
public class RequestPolicy {

    /** A start this far in the past still counts as "now": the form was filled in a minute ago. */
    static final Duration START_GRACE = Duration.ofMinutes(5);

    @Inject
    @ConfigProperty(name = "afterhours.request.default-length")
    Duration defaultLength;

    @Inject
    @ConfigProperty(name = "afterhours.request.max-length")
    Duration maxLength;

    @Inject
    @ConfigProperty(name = "afterhours.request.max-ahead")
    Duration maxAhead;

    @Inject
    @ConfigProperty(name = "afterhours.request.session-types")
    String sessionTypeList;

    @Inject
    @ConfigProperty(name = "afterhours.request.reason-required")
    boolean reasonRequired;

    @Inject
    @ConfigProperty(name = "afterhours.request.submit")
    String submit;

    /** Absent in unit tests built with {@link #of}: the values above apply then. */
    @Inject
    Settings settings;

    private Set<String> sessionTypes;

    @PostConstruct
    void load() {
        if (defaultLength.isNegative()
                || defaultLength.isZero()
                || maxLength.isNegative()
                || maxLength.isZero()
                || defaultLength.compareTo(maxLength) > 0) {
            throw new IllegalStateException(
                    "afterhours.request.default-length must be positive and at most max-length");
        }
        sessionTypes = parseTypes(sessionTypeList);
        if (sessionTypes.isEmpty()) {
            throw new IllegalStateException("afterhours.request.session-types names no session type");
        }
        if (!submit.equalsIgnoreCase("at-once") && !submit.equalsIgnoreCase("wait-for-reason")) {
            throw new IllegalStateException("afterhours.request.submit must be at-once or wait-for-reason");
        }
    }

    public static RequestPolicy of(
            Duration defaultLength,
            Duration maxLength,
            Duration maxAhead,
            String sessionTypes,
            boolean reasonRequired,
            String submit) {
        RequestPolicy policy = new RequestPolicy();
        policy.defaultLength = defaultLength;
        policy.maxLength = maxLength;
        policy.maxAhead = maxAhead;
        policy.sessionTypeList = sessionTypes;
        policy.reasonRequired = reasonRequired;
        policy.submit = submit;
        policy.load();
        return policy;
    }

    /** Everything wrong with a window asked for ahead of time; empty when the policy allows it. */
    public List<String> check(Instant start, Instant end, Set<String> types, String reason, Instant now) {
        List<String> problems = new ArrayList<>();
        if (start == null || end == null) {
            problems.add("request.problem.window");
            return problems;
        }
        if (!end.isAfter(start)) {
            problems.add("request.problem.endBeforeStart");
        }
        if (start.isBefore(now.minus(START_GRACE))) {
            problems.add("request.problem.past");
        }
        if (Duration.between(start, end).compareTo(maxLength()) > 0) {
            problems.add("request.problem.tooLong");
        }
        if (start.isAfter(now.plus(maxAhead()))) {
            problems.add("request.problem.tooFarAhead");
        }
        if (types == null || types.isEmpty()) {
            problems.add("request.problem.noSessionType");
        } else if (!sessionTypes.containsAll(normalise(types))) {
            problems.add("request.problem.sessionType");
        }
        if (reasonRequired() && (reason == null || reason.isBlank())) {
            problems.add("request.problem.reason");
        }
        return problems;
    }

    /** The window a denial proposes: from the denial, the default length. */
    public Instant proposedEnd(Instant deniedAt) {
        // load() and the Settings page both keep defaultLength <= maxLength.
        return deniedAt.plus(defaultLength());
    }

    public boolean submitsDenialsAtOnce() {
        return (settings == null ? submit : settings.value("afterhours.request.submit")).equalsIgnoreCase("at-once");
    }

    public Set<String> sessionTypes() {
        return sessionTypes;
    }

    /* The values an administrator may change on the Settings page are read through Settings on every use. */

    public Duration maxLength() {
        return settings == null ? maxLength : settings.duration("afterhours.request.max-length");
    }

    public Duration maxAhead() {
        return settings == null ? maxAhead : settings.duration("afterhours.request.max-ahead");
    }

    public Duration defaultLength() {
        return settings == null ? defaultLength : settings.duration("afterhours.request.default-length");
    }

    public boolean reasonRequired() {
        return settings == null ? reasonRequired : settings.flag("afterhours.request.reason-required");
    }

    static Set<String> parseTypes(String list) {
        return normalise(Arrays.asList(list.split(",")));
    }

    private static Set<String> normalise(java.util.Collection<String> types) {
        Set<String> out = new LinkedHashSet<>();
        for (String type : types) {
            if (type != null && !type.isBlank()) {
                out.add(type.strip().toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }
}
