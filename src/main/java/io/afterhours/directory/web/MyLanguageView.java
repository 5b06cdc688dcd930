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

/** The "language of your mails" field on the viewer's own profile ({@code person.xhtml}); empty = the directory's. */
@Named
@ViewScoped
public class MyLanguageView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Preferences preferences;

    private String language;

    @PostConstruct
    void init() {
        language = preferences.myLanguage().orElse("");
    }

    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            language = preferences.chooseLanguage(language).orElse("");
            String shown =
                    BundleText.of(language.isEmpty() ? "person.language.directory" : "person.language." + language);
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_INFO, BundleText.about("person.language.saved", shown), null));
        } catch (IllegalArgumentException e) {
            faces.addMessage(
                    null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, BundleText.of("person.language.unknown"), null));
            faces.validationFailed();
        }
    }

    public List<String> getLanguages() {
        return Preferences.LANGUAGES;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }
}
