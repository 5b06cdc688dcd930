package io.afterhours.admin.web;

import io.afterhours.admin.boundary.SettingRefused;
import io.afterhours.admin.boundary.SettingSaved;
import io.afterhours.admin.boundary.SettingSummary;
import io.afterhours.admin.boundary.SettingsAdministration;
import io.afterhours.admin.control.SettingCatalog;
import io.afterhours.directory.boundary.Preferences;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.web.BundleText;
import io.afterhours.platform.web.Refusal;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrators' Settings page ({@code admin/settings.xhtml?group=request}): one group's settings with their
 * effective value and source, each editable on its row unless the operator pinned it.
 */
@Named
@ViewScoped
public class SettingsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    transient SettingsAdministration settings;

    @Inject
    transient Preferences preferences;

    private String group = "request";
    private ZoneId zone;
    private List<SettingSummary> list = List.of();
    private boolean mailPasswordSet;
    private final Map<String, String> edits = new HashMap<>();

    /** The view action: the group named in the address, or the reason it cannot be shown. */
    public void load() {
        zone = preferences.myZone();
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            reload();
        } catch (SettingRefused refused) {
            list = List.of();
            refused.problems().forEach(p -> faces.addMessage(null, error(p)));
        } catch (AccessRefused refused) {
            Refusal.refuse(faces, refused.getMessage());
        }
    }

    public void save(String key, long version) {
        run("settings.saved", () -> settings.save(key, edits.get(key), version));
    }

    public void reset(String key, long version) {
        run("settings.reset.done", () -> settings.reset(key, version));
    }

    private void run(String doneKey, java.util.function.Supplier<SettingSaved> action) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            SettingSaved saved = action.get();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, BundleText.of(doneKey), null));
            saved.effects()
                    .forEach(e -> faces.addMessage(
                            null, new FacesMessage(FacesMessage.SEVERITY_INFO, BundleText.of(e), null)));
            reload();
        } catch (SettingRefused refused) {
            refused.problems().forEach(p -> faces.addMessage(null, error(p)));
            faces.validationFailed();
        } catch (AccessRefused refused) {
            Refusal.refuse(faces, refused.getMessage());
        }
    }

    private void reload() {
        list = settings.list(group);
        mailPasswordSet = group.equals("mail") && settings.mailPasswordSet();
        edits.clear();
        list.forEach(s -> edits.put(s.key(), s.value()));
    }

    private static FacesMessage error(String problem) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, BundleText.of(problem), null);
    }

    /** When a saved value was saved, in the viewer's zone. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    public List<SettingSummary> getSettings() {
        return list;
    }

    public boolean isMailPasswordSet() {
        return mailPasswordSet;
    }

    public List<String> getGroups() {
        return SettingCatalog.GROUPS;
    }

    public Map<String, String> getEdits() {
        return edits;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group == null || group.isBlank() ? "request" : group.strip();
    }
}
