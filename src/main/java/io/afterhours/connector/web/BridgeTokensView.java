package io.afterhours.connector.web;

import io.afterhours.connector.boundary.BridgeTokenRefused;
import io.afterhours.connector.boundary.BridgeTokenSummary;
import io.afterhours.connector.boundary.IssuedBridgeTokens;
import io.afterhours.directory.boundary.Preferences;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.web.BundleText;
import io.afterhours.platform.web.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The administrators' Bridge tokens page ({@code admin/bridge-tokens.xhtml}): the tokens created here, a form to
 * create one (shown once, in this view only, then gone) and a revoke button per token.
 */
@Named
@ViewScoped
public class BridgeTokensView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    transient IssuedBridgeTokens tokens;

    @Inject
    transient Preferences preferences;

    private ZoneId zone;
    private List<BridgeTokenSummary> list;
    private int configured;
    private String label;
    private String created;

    @PostConstruct
    void init() {
        zone = preferences.myZone();
        reload();
    }

    public void create() {
        run(() -> created = tokens.create(label).token(), "bridgeTokens.created");
        label = null;
    }

    public void revoke(long id) {
        created = null;
        run(() -> tokens.revoke(id), "bridgeTokens.revoked");
    }

    private void run(Runnable action, String doneKey) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            action.run();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, BundleText.of(doneKey), null));
            reload();
        } catch (BridgeTokenRefused refused) {
            faces.addMessage(
                    null, new FacesMessage(FacesMessage.SEVERITY_ERROR, BundleText.of(refused.problem()), null));
            faces.validationFailed();
        } catch (AccessRefused refused) {
            Refusal.refuse(faces, refused.getMessage());
        }
    }

    private void reload() {
        list = tokens.list();
        configured = tokens.configuredCount();
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    public List<BridgeTokenSummary> getTokens() {
        return list;
    }

    public int getConfigured() {
        return configured;
    }

    /** The token just created, for this one rendering; null otherwise. */
    public String getCreated() {
        return created;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
