package io.afterhours.directory.web;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.platform.web.ErrorDispatchFilter;
import io.afterhours.platform.web.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/** The 403 page ({@code forbidden.xhtml}): records every refused access in the audit history (ASVS 16.3.2). */
@Named
@RequestScoped
public class ForbiddenView {

    @Inject
    FacesContext faces;

    @Inject
    AuditLog auditLog;

    public void recordRefusal() {
        HttpServletRequest request =
                (HttpServletRequest) faces.getExternalContext().getRequest();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Principal who = request.getUserPrincipal();
        Object method = request.getAttribute(ErrorDispatchFilter.FAILED_METHOD);
        Object refused = request.getAttribute(Refusal.REFUSED);
        auditLog.append(new AuditRecord(
                who == null ? ActorType.SYSTEM : ActorType.PERSON,
                who == null ? "anonymous" : who.getName(),
                "access.refused",
                "portal",
                (method == null ? request.getMethod() : method) + " "
                        + (uri == null ? request.getRequestURI() : uri)
                        + (refused == null ? "" : " (" + refused + ")")));
    }
}
