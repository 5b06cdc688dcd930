package io.afterhours.directory.web;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.DirectoryUnavailable;
import io.afterhours.directory.control.SessionLifetime;
import io.afterhours.platform.control.LogSafe;
import io.afterhours.platform.web.SecurityHeadersFilter;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Ends signed-in sessions that must not go on: past their absolute lifetime ({@code afterhours.session.absolute-timeout},
 * however active), or whose account the directory no longer has enabled, looked up again every
 * {@code afterhours.session.recheck-interval} (ASVS 7.3.2, 7.4.2). The person lands on the sign-in page with the
 * reason; an AJAX request gets a Faces partial-response redirect there. A directory outage does not end sessions:
 * the check is tried again on the next request.
 */
public class SessionGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SessionGuard.class.getName());
    static final String SIGNED_IN_AT = "afterhours.session.signedInAt";
    static final String CHECKED_AT = "afterhours.session.checkedAt";
    /** The objectGUID the account had at sign-in: the session belongs to that person, whatever names change. */
    static final String GUID = "afterhours.session.guid";

    @Inject
    transient Directory directory;

    @Inject
    transient AuditLog auditLog;

    @Inject
    transient Clock clock;

    transient SessionLifetime lifetime;

    @Override
    public void init() {
        Config config = ConfigProvider.getConfig(SessionGuard.class.getClassLoader());
        lifetime = new SessionLifetime(
                config.getValue("afterhours.session.absolute-timeout", Duration.class),
                config.getValue("afterhours.session.recheck-interval", Duration.class));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal who = request.getUserPrincipal();
        HttpSession session = request.getSession(false);
        if (who == null || session == null) {
            chain.doFilter(request, response);
            return;
        }
        Instant now = clock.instant();
        Instant signedInAt = (Instant) session.getAttribute(SIGNED_IN_AT);
        if (signedInAt == null) {
            // The first request of a new sign-in (the redirect after the form): the lifetime starts here.
            // CHECKED_AT stays unset, so this first request binds the session to the person's objectGUID.
            signedInAt = now;
            session.setAttribute(SIGNED_IN_AT, now);
        }
        Instant checkedAt =
                Optional.ofNullable((Instant) session.getAttribute(CHECKED_AT)).orElse(Instant.MIN);
        switch (lifetime.judge(signedInAt, checkedAt, now)) {
            case EXPIRED -> end(request, response, who, "absolute session lifetime reached", "expired");
            case RECHECK -> {
                Optional<Boolean> enabled = stillEnabled(who.getName(), session);
                if (enabled.isPresent() && !enabled.get()) {
                    end(request, response, who, "account disabled or removed in the directory", "ended");
                    return;
                }
                if (enabled.isPresent()) {
                    session.setAttribute(CHECKED_AT, now);
                }
                chain.doFilter(request, response);
            }
            default -> chain.doFilter(request, response);
        }
    }

    /**
     * Whether the account is still enabled and still the same person (objectGUID) as at the first check: an account
     * name given to someone else in the meantime does not inherit the session. Empty when the directory cannot say.
     */
    private Optional<Boolean> stillEnabled(String account, HttpSession session) {
        try {
            Optional<DirectoryPerson> person = directory.findByAccount(account).filter(p -> !p.disabled());
            UUID known = (UUID) session.getAttribute(GUID);
            if (person.isPresent() && known == null) {
                session.setAttribute(GUID, person.get().guid());
            }
            return Optional.of(
                    person.filter(p -> known == null || known.equals(p.guid())).isPresent());
        } catch (DirectoryUnavailable e) {
            LOG.warning(() -> "Could not re-check " + LogSafe.of(account) + " in the directory: " + e.getMessage());
            return Optional.empty();
        }
    }

    private void end(
            HttpServletRequest request, HttpServletResponse response, Principal who, String reason, String flag)
            throws IOException, ServletException {
        try {
            auditLog.append(new AuditRecord(ActorType.PERSON, who.getName(), "session.ended", "portal", reason));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not audit the end of a session of " + LogSafe.of(who.getName()) + ": " + e);
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String target = request.getContextPath() + "/login.xhtml?" + flag + "=true";
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // An AJAX call cannot follow a 302 to a page; Faces' own redirect instruction makes the browser go there.
            SecurityHeadersFilter.lockDown(response);
            response.setContentType("text/xml");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\"" + target
                            + "\"/></partial-response>");
        } else {
            response.sendRedirect(target);
        }
    }
}
