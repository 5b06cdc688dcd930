package io.afterhours.request.boundary;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.boundary.Concerning;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.People;
import io.afterhours.directory.boundary.Preferences;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import io.afterhours.request.control.DeputyAssignments;
import io.afterhours.request.entity.Deputy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Managers name deputies for the days they are away (F3). A deputy decides whatever the manager may decide while the
 * deputyship runs, never their own requests; decisions say "on behalf of". Days are whole days in the manager's own zone.
 * Only managers appoint, only for themselves; every change is audited.
 */
@ApplicationScoped
@Transactional
public class Deputies {

    /** Long absences are a change of manager in the directory, not a deputyship. */
    static final long MAX_DAYS = 366;

    static final int CANDIDATES = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    Directory directory;

    @Inject
    DeputyAssignments assignments;

    @Inject
    Preferences preferences;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    SecurityContext security;

    /** My deputyships that have not ended, soonest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeputySummary> mine() {
        DirectoryPerson me = manager();
        Instant now = clock.instant();
        return assignments.currentAndComing(me.guid(), now).stream()
                .map(d -> DeputySummary.of(d, now))
                .toList();
    }

    /** People a manager may pick as deputy: enabled, found by the start of account, name or mail; never themselves. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PersonChoice> candidates(String text) {
        DirectoryPerson me = manager();
        String typed = text == null ? "" : text.strip();
        if (typed.length() < 2) {
            return List.of();
        }
        return directory.find(typed, CANDIDATES + 1).stream()
                .filter(p -> !p.sameAs(me))
                .limit(CANDIDATES)
                .map(p -> new PersonChoice(p.account(), p.displayName()))
                .toList();
    }

    public DeputySummary appoint(DeputyCommand command) {
        DirectoryPerson me = manager();
        ZoneId zone = preferences.myZone();
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>();
        DirectoryPerson deputy = null;
        String account =
                command.deputyAccount() == null ? "" : command.deputyAccount().strip();
        if (account.isEmpty()) {
            problems.add("deputy.problem.who");
        } else {
            deputy = directory.findByAccount(account).filter(p -> !p.disabled()).orElse(null);
            if (deputy == null) {
                problems.add("deputy.problem.unknown");
            } else if (deputy.sameAs(me)) {
                problems.add("deputy.problem.self");
            }
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (command.from() == null || command.until() == null) {
            problems.add("deputy.problem.dates");
        } else if (command.until().isBefore(command.from())) {
            problems.add("deputy.problem.order");
        } else if (command.until().isBefore(today)) {
            problems.add("deputy.problem.past");
        } else if (ChronoUnit.DAYS.between(command.from(), command.until()) >= MAX_DAYS) {
            problems.add("deputy.problem.long");
        }
        if (!problems.isEmpty()) {
            throw new RequestRefused(problems, null);
        }
        // A range that began in the past starts now: a deputyship never reaches back to decisions already made.
        Instant start = command.from().isBefore(today)
                ? now
                : command.from().atStartOfDay(zone).toInstant();
        Instant end = command.until().plusDays(1).atStartOfDay(zone).toInstant();
        DirectoryPerson chosen = deputy;
        boolean overlapping = assignments.currentAndComing(me.guid(), now).stream()
                .anyMatch(d -> d.deputy().equals(chosen.guid())
                        && d.startsAt().isBefore(end)
                        && d.endsAt().isAfter(start));
        if (overlapping) {
            throw new RequestRefused(List.of("deputy.problem.overlap"), null);
        }
        Deputy appointed = new Deputy(
                me.guid(), me.displayName(), deputy.guid(), deputy.account(), deputy.displayName(), start, end, now);
        em.persist(appointed);
        em.flush();
        auditLog.append(new AuditRecord(
                        ActorType.PERSON,
                        me.account(),
                        "deputy.appointed",
                        "deputy " + appointed.id(),
                        deputy.account() + " decides for " + me.account() + " from " + start + " to " + end)
                .about(Concerning.person(me.guid(), me.account())));
        return DeputySummary.of(appointed, now);
    }

    /** Ends a running deputyship now, or cancels one that has not started; only the manager who set it. */
    public void withdraw(long id) {
        DirectoryPerson me = manager();
        Deputy deputy = em.find(Deputy.class, id);
        if (deputy == null || !deputy.manager().equals(me.guid())) {
            throw new AccessRefused("deputy " + id);
        }
        Instant now = clock.instant();
        if (!deputy.endsAt().isAfter(now)) {
            throw new RequestRefused(List.of("deputy.problem.ended"), null);
        }
        String before = deputy.deputyAccount() + " from " + deputy.startsAt() + " to " + deputy.endsAt();
        if (deputy.startsAfter(now)) {
            em.remove(deputy);
        } else {
            deputy.endAt(now);
        }
        auditLog.append(new AuditRecord(
                        ActorType.PERSON, me.account(), "deputy.withdrawn", "deputy " + id, before + "; ended " + now)
                .about(Concerning.person(me.guid(), me.account())));
    }

    private DirectoryPerson manager() {
        if (!security.isCallerInRole(Roles.MANAGER)) {
            throw new AccessRefused("deputies: not a manager");
        }
        return people.me();
    }

    /** A person offered on a form: the account to submit and the name to show. */
    public record PersonChoice(String account, String name) {}
}
