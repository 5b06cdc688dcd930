package io.afterhours.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.afterhours.platform.web.ExpiredViewHandler.Kind;
import jakarta.faces.FacesException;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import org.junit.jupiter.api.Test;
import org.primefaces.csp.CspException;

class ExpiredViewHandlerTest {

    @Test
    void anUnrestorableViewOrAForeignNonceIsOutOfDateWhereverItIsWrapped() {
        assertEquals(Kind.OUT_OF_DATE, ExpiredViewHandler.classify(new ViewExpiredException("/index.xhtml")));
        assertEquals(
                Kind.OUT_OF_DATE,
                ExpiredViewHandler.classify(new FacesException(new ViewExpiredException("/index.xhtml"))));
        assertEquals(
                Kind.OUT_OF_DATE,
                ExpiredViewHandler.classify(new FacesException(new CspException("CSP nonce mismatch"))));
    }

    @Test
    void aProtectedViewWithoutItsTokenIsRefused() {
        assertEquals(
                Kind.PROTECTED_VIEW,
                ExpiredViewHandler.classify(new FacesException(new ProtectedViewException("no token"))));
    }

    @Test
    void leavesEverythingElseToFaces() {
        assertEquals(Kind.OTHER, ExpiredViewHandler.classify(new FacesException(new IllegalStateException("bug"))));
        assertEquals(Kind.OTHER, ExpiredViewHandler.classify(new NullPointerException()));
    }
}
