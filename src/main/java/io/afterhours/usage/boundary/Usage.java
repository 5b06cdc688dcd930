package io.afterhours.usage.boundary;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.boundary.Concerning;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.People;
import io.afterhours.directory.boundary.ReportingScope;
import io.afterhours.intake.boundary.SessionEvent;
import io.afterhours.intake.boundary.SessionEvents;
import io.afterhours.request.boundary.Decisions;
import io.afterhours.request.boundary.ExtensionRequests;
import io.afterhours.request.boundary.GrantedRequestWindow;
import io.afterhours.request.boundary.GrantedWindows;
import io.afterhours.request.boundary.RequestSummary;
import io.afterhours.usage.control.LinkedEvent;
import io.afterhours.usage.control.SessionPairing;
import io.afterhours.usage.control.UsageStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Usage of granted extensions (product.md F6): links UserLock's logons and logoffs to the granted windows they fall
 * in, and tells, per request, whether it was used, the first logon, the sessions and their total inside the window.
 * Sessions are computed when read ({@link SessionPairing}), so late and duplicate notifications need no repair. Who
 * may see a request's usage is who may see the request: the checks are the request feature's.
 */
@ApplicationScoped
@Transactional
public class Usage {

    static final int EXPORT_PAGE = 500;

    @Inject
    SessionEvents sessionEvents;

    @Inject
    GrantedWindows grantedWindows;

    @Inject
    Decisions decisions;

    @Inject
    ExtensionRequests requests;

    @Inject
    Directory directory;

    @Inject
    UsageStore store;

    @Inject
    People people;

    @Inject
    AuditLog auditLog;

    @Inject
    SecurityContext security;

    @Inject
    Clock clock;

    /**
     * Links up to {@code max} waiting logons/logoffs to the person's granted windows, in one transaction with their
     * marks (a failure, e.g. the directory down, rolls all back and they are taken again). The first logon linked to
     * a window is audited as "extension used". Returns how many notifications were looked at.
     */
    public int linkSessionEvents(int max) {
        List<SessionEvent> claimed = sessionEvents.claim(max);
        Instant now = clock.instant();
        for (SessionEvent event : claimed) {
            link(event);
            sessionEvents.markChecked(event.notificationId(), now);
        }
        return claimed.size();
    }

    private void link(SessionEvent event) {
        if (event.user() == null || event.user().isBlank()) {
            return;
        }
        Optional<DirectoryPerson> person = directory.findByAccount(event.account());
        if (person.isEmpty()) {
            return;
        }
        LinkedEvent linked =
                new LinkedEvent(event.logon(), event.at(), event.computer(), event.clientAddress(), event.sessionId());
        for (GrantedRequestWindow window : grantedWindows.covering(person.get().guid(), event.at())) {
            if (!SessionPairing.inWindow(event.logon(), event.at(), window.start(), window.end())) {
                continue;
            }
            boolean added = store.link(window.requestId(), event.notificationId(), linked);
            if (added && event.logon() && !store.hasOtherLogon(window.requestId(), event.notificationId())) {
                auditLog.append(AuditRecord.system(
                                "usage",
                                "extension.used",
                                "request " + window.requestId(),
                                "first logon on " + event.computer() + " at " + event.at())
                        .about(Concerning.request(window.requestId(), window.requester(), window.requesterAccount())));
            }
        }
    }

    /**
     * The usage of one request, for whoever may see the request (refused otherwise, like the request page); empty when
     * it was never granted.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UsageSummary> of(long requestId) {
        decisions.detail(requestId);
        return summaries(List.of(requestId)).values().stream().findFirst();
    }

    /** The usage of the signed-in employee's own granted requests, by request id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, UsageSummary> mine() {
        return summaries(requests.mine().stream().map(RequestSummary::id).toList());
    }

    /** The usage of the manager's reports' granted requests (the team page's list), by request id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, UsageSummary> team() {
        return summaries(decisions.team().stream().map(RequestSummary::id).toList());
    }

    /**
     * Every window granted that overlaps {@code [from, to)} with its usage, oldest first, handed to {@code rows} one
     * page at a time so the number of windows does not matter (F6: usage in exports). Managers get their direct
     * reports' windows; auditors and administrators everyone's or, with {@code manager}, that manager's team's. The
     * export is audited ({@code usage.exported}) before the first row; {@code period} describes the period for it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long export(Instant from, Instant to, String manager, String period, Consumer<UsageRow> rows) {
        ReportingScope scope = people.reportingScope(manager);
        auditLog.append(new AuditRecord(
                ActorType.PERSON,
                security.getCallerPrincipal().getName(),
                "usage.exported",
                "extension usage",
                "CSV export of the extensions granted " + period + "; "
                        + (scope.everyone() ? "everyone" : "team of " + scope.team())));
        long written = 0;
        GrantedRequestWindow last = null;
        List<GrantedRequestWindow> page;
        do {
            page = grantedWindows.page(from, to, scope.members(), last, EXPORT_PAGE);
            Map<Long, UsageSummary> usage = summaries(page);
            for (GrantedRequestWindow w : page) {
                UsageSummary u = usage.get(w.requestId());
                rows.accept(new UsageRow(
                        w.requestId(),
                        w.requesterAccount(),
                        w.start(),
                        w.end(),
                        u.used(),
                        u.firstLogon(),
                        u.total(),
                        u.sessions().size(),
                        u.stillLoggedOnAtEnd()));
                written++;
            }
            last = page.isEmpty() ? last : page.get(page.size() - 1);
            // Until an empty page rather than a short one: one query more, and the keyset step runs in every export.
        } while (!page.isEmpty());
        return written;
    }

    private Map<Long, UsageSummary> summaries(Collection<Long> requestIds) {
        return summaries(grantedWindows.of(requestIds));
    }

    private Map<Long, UsageSummary> summaries(List<GrantedRequestWindow> windows) {
        Map<Long, List<LinkedEvent>> events = store.eventsOf(
                windows.stream().map(GrantedRequestWindow::requestId).toList());
        Instant now = clock.instant();
        Map<Long, UsageSummary> out = new LinkedHashMap<>();
        for (GrantedRequestWindow w : windows) {
            out.put(
                    w.requestId(),
                    SessionPairing.summarize(
                            w.requestId(), w.start(), w.end(), now, events.getOrDefault(w.requestId(), List.of())));
        }
        return out;
    }
}
