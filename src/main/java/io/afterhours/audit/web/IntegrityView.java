package io.afterhours.audit.web;

import io.afterhours.audit.boundary.Anchor;
import io.afterhours.audit.boundary.ChainCheck;
import io.afterhours.audit.boundary.ChainVerification;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.web.BundleText;
import io.afterhours.platform.web.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The audit integrity page ({@code audit/integrity.xhtml}): opening it walks the hash chain and checks the newest
 * anchor on file; an auditor may also paste an anchor (sequence number and hash) to check it too. It is a Faces
 * protected view, so only a link the portal rendered for this session opens it, never one from another site.
 */
@Named
@RequestScoped
public class IntegrityView {

    @Inject
    ChainCheck chainCheck;

    @Inject
    FacesContext faces;

    private ChainVerification result;
    private Anchor newestAnchor;
    private Long anchorSeq;
    private String anchorHash;
    private Anchor checkedAnchor;

    public void verify() {
        try {
            result = chainCheck.run();
            newestAnchor = chainCheck.newestAnchor().orElse(null);
        } catch (AccessRefused e) {
            Refusal.refuse(faces, e.getMessage());
        }
    }

    public void checkAnchor() {
        Anchor pasted;
        try {
            pasted = Anchor.pasted(anchorSeq == null ? 0 : anchorSeq, anchorHash);
        } catch (IllegalArgumentException e) {
            faces.addMessage(
                    "anchor", new FacesMessage(FacesMessage.SEVERITY_ERROR, text("integrity.anchor.invalid"), null));
            return;
        }
        try {
            result = chainCheck.run(pasted);
            newestAnchor = chainCheck.newestAnchor().orElse(null);
            checkedAnchor = pasted;
        } catch (AccessRefused e) {
            Refusal.refuse(faces, e.getMessage());
        }
    }

    private String text(String key) {
        return BundleText.of(key);
    }

    public ChainVerification getResult() {
        return result;
    }

    public Anchor getNewestAnchor() {
        return newestAnchor;
    }

    public Anchor getCheckedAnchor() {
        return checkedAnchor;
    }

    public Long getAnchorSeq() {
        return anchorSeq;
    }

    public void setAnchorSeq(Long anchorSeq) {
        this.anchorSeq = anchorSeq;
    }

    public String getAnchorHash() {
        return anchorHash;
    }

    public void setAnchorHash(String anchorHash) {
        this.anchorHash = anchorHash;
    }
}
