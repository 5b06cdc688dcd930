package io.afterhours.audit.web;

import io.afterhours.audit.boundary.ChainCheck;
import io.afterhours.audit.boundary.ChainVerification;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.web.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The audit integrity page ({@code audit/integrity.xhtml}): opening it walks the hash chain. It is a Faces protected
 * view, so only a link the portal rendered for this session opens it, never one from another site.
 */
@Named
@RequestScoped
public class IntegrityView {

    @Inject
    ChainCheck chainCheck;

    @Inject
    FacesContext faces;

    private ChainVerification result;

    public void verify() {
        try {
            result = chainCheck.run();
        } catch (AccessRefused e) {
            Refusal.refuse(faces, e.getMessage());
        }
    }

    public ChainVerification getResult() {
        return result;
    }
}
