package io.afterhours.request.web;

import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.web.BundleText;
import io.afterhours.platform.web.Refusal;
import io.afterhours.request.boundary.RequestRefused;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * How the request pages run one action on one request: the boundary call, then a message from the bundle for what
 * happened, every refusal reason as an error, and a refused object as 403 (audited by the refused-access page).
 */
final class RequestActions {

    private RequestActions() {}

    /**
     * Runs {@code action} on the object {@code subject} (shown as argument {0} of the messages); returns whether it
     * went through (the page then reloads its lists).
     */
    static boolean run(Runnable action, String doneKey, Object subject) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            action.run();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(doneKey, subject), null));
            return true;
        } catch (RequestRefused refused) {
            refused.problems()
                    .forEach(p -> faces.addMessage(
                            null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(p, subject), null)));
            faces.validationFailed();
            return true;
        } catch (AccessRefused refused) {
            Refusal.refuse(faces, refused.getMessage());
            return false;
        }
    }

    /** Runs {@code action} and returns its result, or null when the object was refused (the 403 page follows). */
    static <T> T call(java.util.function.Supplier<T> action) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            return action.get();
        } catch (RequestRefused refused) {
            refused.problems().forEach(p -> note(FacesMessage.SEVERITY_ERROR, p, refused.overlapping()));
            faces.validationFailed();
            return null;
        } catch (AccessRefused refused) {
            Refusal.refuse(faces, refused.getMessage());
            return null;
        }
    }

    /** Adds a message from the bundle for the whole page. */
    static void note(FacesMessage.Severity severity, String key, Object first) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text(key, first), null));
    }

    /** A message from the bundle: {@code key} or {@code key|arg|arg}, with {@code first} as argument {0}. */
    static String text(String problem, Object first) {
        return BundleText.about(problem, first);
    }
}
