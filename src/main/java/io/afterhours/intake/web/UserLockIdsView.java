package io.afterhours.intake.web;

import io.afterhours.directory.boundary.Preferences;
import io.afterhours.intake.boundary.UserLockIdRefused;
import io.afterhours.intake.boundary.UserLockIdSummary;
import io.afterhours.intake.boundary.UserLockIds;
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
 * The administrators' UserLock IDs page ({@code admin/userlock-ids.xhtml}): the accepted IDs by slot (last four
 * characters only) with when each was last seen, and the rotation form. The new ID is never shown back.
 */
@Named
@ViewScoped
public class UserLockIdsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    transient UserLockIds ids;

    @Inject
    transient Preferences preferences;

    private ZoneId zone;
    private List<UserLockIdSummary> list;
    private List<String> pinned;
    private String slot = "PRIMARY";
    private String newId;
    private String overlap = "PT1H";

    @PostConstruct
    void init() {
        zone = preferences.myZone();
        reload();
    }

    public void rotate() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            ids.rotate(slot, newId, overlap);
            faces.addMessage(
                    null, new FacesMessage(FacesMessage.SEVERITY_INFO, BundleText.of("userlockIds.rotated"), null));
            newId = null;
            reload();
        } catch (UserLockIdRefused refused) {
            refused.problems()
                    .forEach(p -> faces.addMessage(
                            null, new FacesMessage(FacesMessage.SEVERITY_ERROR, BundleText.of(p), null)));
            faces.validationFailed();
        } catch (AccessRefused refused) {
            Refusal.refuse(faces, refused.getMessage());
        }
    }

    public void refresh() {
        reload();
    }

    private void reload() {
        list = ids.list();
        pinned = ids.pinnedSlots();
    }

    /** A moment in the viewer's zone; "never" is the page's business. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    public List<UserLockIdSummary> getIds() {
        return list;
    }

    public boolean pinned(String slotName) {
        return pinned.contains(slotName);
    }

    public List<String> getSlots() {
        return List.of("PRIMARY", "BACKUP");
    }

    public String getSlot() {
        return slot;
    }

    public void setSlot(String slot) {
        this.slot = slot;
    }

    public String getNewId() {
        return newId;
    }

    public void setNewId(String newId) {
        this.newId = newId;
    }

    public String getOverlap() {
        return overlap;
    }

    public void setOverlap(String overlap) {
        this.overlap = overlap;
    }
}
