package io.afterhours.platform.web;

import jakarta.faces.FacesException;
import jakarta.faces.context.FacesContext;
import java.io.IOException;

/**
 * Answers a Faces request with 403 after a boundary refused a specific object: the portal's refused-access page is
 * shown, and audits the refusal with the object named here (it reads {@link #REFUSED}).
 */
public final class Refusal {

    /** Request attribute: what was refused, when a boundary refused an object (not just a URL). */
    public static final String REFUSED = "afterhours.refused";

    private Refusal() {}

    public static void refuse(FacesContext faces, String what) {
        faces.getExternalContext().getRequestMap().put(REFUSED, what);
        try {
            faces.getExternalContext().responseSendError(403, "Not for your account");
        } catch (IOException e) {
            throw new FacesException(e);
        }
        faces.responseComplete();
    }
}
