package io.afterhours.platform.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * Turns the ways a Faces request can be out of date or out of place into pages a person understands, instead of a
 * stack trace:
 * <ul>
 *   <li>a postback whose view cannot be restored (session expired or ended, a ViewState from another session or
 *       forged) and a postback whose PrimeFaces CSP nonce does not belong to its page: a redirect (a plain GET, so no
 *       form is re-posted) to {@code expired.xhtml}. Nothing was processed: Faces refused the view before any action;
 *   <li>a protected view opened without its token (a link from outside the portal): 403, the refused-access page,
 *       which audits it.
 * </ul>
 */
public class ExpiredViewHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(ExpiredViewHandler.class.getName());
    /** PrimeFaces' exception for a missing or foreign nonce; matched by name so the class is not needed to compile. */
    static final String CSP_EXCEPTION = "org.primefaces.csp.CspException";

    public ExpiredViewHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    enum Kind {
        OUT_OF_DATE,
        PROTECTED_VIEW,
        OTHER
    }

    @Override
    public void handle() {
        Iterator<ExceptionQueuedEvent> events =
                getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable thrown = events.next().getContext().getException();
            Kind kind = classify(thrown);
            if (kind == Kind.OTHER) {
                continue;
            }
            events.remove();
            FacesContext faces = FacesContext.getCurrentInstance();
            answer(faces, kind, thrown);
            faces.responseComplete();
            break;
        }
        getWrapped().handle();
    }

    private static void answer(FacesContext faces, Kind kind, Throwable thrown) {
        ExternalContext external = faces.getExternalContext();
        try {
            if (kind == Kind.PROTECTED_VIEW) {
                external.responseSendError(403, "This page opens only from a link inside the portal.");
            } else {
                LOG.fine(() -> "Out-of-date request answered with expired.xhtml: " + thrown);
                if (!external.isResponseCommitted()) {
                    // Whatever was rendered before the failure goes; the security headers go with it, so put them back.
                    external.responseReset();
                    SecurityHeadersFilter.reapply(
                            (jakarta.servlet.http.HttpServletRequest) external.getRequest(),
                            (jakarta.servlet.http.HttpServletResponse) external.getResponse());
                }
                external.redirect(external.getRequestContextPath() + "/expired.xhtml");
            }
        } catch (IOException e) {
            throw new FacesException(e);
        }
    }

    static Kind classify(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ProtectedViewException) {
                return Kind.PROTECTED_VIEW;
            }
            if (t instanceof ViewExpiredException
                    || CSP_EXCEPTION.equals(t.getClass().getName())) {
                return Kind.OUT_OF_DATE;
            }
        }
        return Kind.OTHER;
    }
}
