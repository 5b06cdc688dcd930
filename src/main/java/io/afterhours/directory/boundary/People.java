package io.afterhours.directory.boundary;

import io.afterhours.directory.boundary.PersonCard.Relation;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * People as the signed-in viewer may see them. Every method decides on the server, for the specific person asked
 * for, whether the caller may see it (P9/P14): yourself; your direct reports if you are their line manager (compared
 * by objectGUID, never by name); everyone for administrators and auditors. Anything else is {@link AccessRefused},
 * the same answer whether or not the person exists, so ids cannot be probed.
 */
@ApplicationScoped
public class People {

    private static final Comparator<DirectoryPerson> BY_NAME =
            Comparator.comparing(p -> p.displayName() == null ? p.account() : p.displayName());

    @Inject
    SecurityContext security;

    @Inject
    Directory directory;

    /** The signed-in person's own directory entry. */
    public DirectoryPerson me() {
        Principal caller = security.getCallerPrincipal();
        if (caller == null) {
            throw new AccessRefused("not signed in");
        }
        return directory
                .findByAccount(caller.getName())
                .orElseThrow(() -> new AccessRefused("signed-in account no longer in the directory"));
    }

    /** The caller's direct reports, by name; only for managers. */
    public List<DirectoryPerson> myTeam() {
        if (!security.isCallerInRole(Roles.MANAGER)) {
            throw new AccessRefused("team: not a manager");
        }
        return directory.directReports(me()).stream().sorted(BY_NAME).toList();
    }

    /**
     * Whose requests the caller may report on: a manager their direct reports (as the directory says now); auditors
     * and administrators everyone, or the team of the manager whose account they name. Anyone else is refused; an
     * unknown manager is an {@link IllegalArgumentException} with the message key {@code report.manager.unknown}.
     */
    public ReportingScope reportingScope(String managerAccount) {
        if (security.isCallerInRole(Roles.AUDITOR) || security.isCallerInRole(Roles.ADMINISTRATOR)) {
            if (managerAccount == null || managerAccount.isBlank()) {
                return new ReportingScope(null, null);
            }
            DirectoryPerson boss = directory
                    .findByAccount(managerAccount.strip())
                    .orElseThrow(() -> new IllegalArgumentException("report.manager.unknown"));
            return new ReportingScope(boss.displayName(), guids(directory.directReports(boss)));
        }
        if (security.isCallerInRole(Roles.MANAGER)) {
            return new ReportingScope(me().displayName(), guids(myTeam()));
        }
        throw new AccessRefused("reports: neither manager, auditor nor administrator");
    }

    private static List<UUID> guids(List<DirectoryPerson> team) {
        return team.stream().map(DirectoryPerson::guid).toList();
    }

    public PersonCard card(UUID guid) {
        DirectoryPerson viewer = me();
        Optional<DirectoryPerson> found = directory.findByGuid(guid);
        Optional<DirectoryPerson> lineManager =
                found.flatMap(p -> Optional.ofNullable(p.managerDn())).flatMap(directory::findByDn);
        Relation relation =
                found.map(person -> relation(viewer, person, lineManager)).orElse(null);
        if (relation == null) {
            throw new AccessRefused("person " + guid);
        }
        DirectoryPerson person = found.get();
        return new PersonCard(
                person,
                lineManager,
                directory.resolveApprover(person),
                directory.directReports(person).stream().sorted(BY_NAME).toList(),
                relation);
    }

    private Relation relation(DirectoryPerson viewer, DirectoryPerson person, Optional<DirectoryPerson> lineManager) {
        if (viewer.sameAs(person)) {
            return Relation.SELF;
        }
        if (lineManager.filter(viewer::sameAs).isPresent()) {
            return Relation.LINE_MANAGER;
        }
        if (security.isCallerInRole(Roles.ADMINISTRATOR)) {
            return Relation.ADMINISTRATOR;
        }
        if (security.isCallerInRole(Roles.AUDITOR)) {
            return Relation.AUDITOR;
        }
        return null;
    }
}
