package io.afterhours.directory.web;

import io.afterhours.directory.boundary.Preferences;
import io.afterhours.platform.web.BundleText;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The "your time zone" field on the viewer's own profile ({@code person.xhtml}). */
@Named
@ViewScoped
public class MyZoneView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Preferences preferences;

    private String zone;

    @PostConstruct
    void init() {
        zone = preferences.myZone().getId();
    }

    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            zone = preferences.chooseZone(zone).getId();
            faces.addMessage(
                    null,
                    new FacesMessage(FacesMessage.SEVERITY_INFO, BundleText.about("person.zone.saved", zone), null));
        } catch (IllegalArgumentException e) {
            faces.addMessage(
                    null, new FacesMessage(FacesMessage.SEVERITY_ERROR, BundleText.of("person.zone.unknown"), null));
            faces.validationFailed();
        }
    }

    public List<String> getZones() {
        return Preferences.ZONES;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }
}
