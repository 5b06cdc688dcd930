package io.afterhours.request.web;

import io.afterhours.directory.boundary.Preferences;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.web.BundleText;
import io.afterhours.platform.web.Refusal;
import io.afterhours.request.boundary.AutoApprovalAdministration;
import io.afterhours.request.boundary.AutoApprovalRuleSummary;
import io.afterhours.request.boundary.RuleRefused;
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
 * The administrators' Auto-approval rules page ({@code admin/auto-approval.xhtml}): the rules in the order they are
 * tried, with their source; a form that adds a rule or, after Edit on a portal rule's row, changes it.
 */
@Named
@ViewScoped
public class AutoApprovalView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The client ids of the list's form and the add/change form, whose messages show their actions' outcome. */
    private static final String LIST = "rules";

    private static final String FORM = "rule";

    @Inject
    transient AutoApprovalAdministration administration;

    @Inject
    transient Preferences preferences;

    private ZoneId zone;
    private List<AutoApprovalRuleSummary> list = List.of();
    private Long editing;
    private long editingVersion;
    private String name;
    private String group;
    private String maxDuration;
    private String maxPerMonth;

    /** The view action: the rules, or the reason they cannot be shown. */
    public void load() {
        zone = preferences.myZone();
        try {
            list = administration.list();
        } catch (AccessRefused refused) {
            Refusal.refuse(FacesContext.getCurrentInstance(), refused.getMessage());
        }
    }

    /** Adds the rule in the form, or saves the changes to the rule being edited. */
    public void save() {
        if (editing == null) {
            run(FORM, "autoApproval.created", () -> administration.create(name, group, maxDuration, maxPerMonth));
        } else {
            long id = editing;
            run(
                    FORM,
                    "autoApproval.changed",
                    () -> administration.change(id, editingVersion, group, maxDuration, maxPerMonth));
        }
    }

    /** Puts a portal rule into the form for changing. */
    public void edit(AutoApprovalRuleSummary rule) {
        editing = rule.id();
        editingVersion = rule.version();
        name = rule.name();
        group = rule.group();
        maxDuration = rule.maxDuration();
        maxPerMonth = String.valueOf(rule.maxPerMonth());
    }

    public void cancel() {
        clearForm();
    }

    public void delete(long id, long version) {
        run(LIST, "autoApproval.deleted", () -> administration.delete(id, version));
    }

    public void up(long id, long version) {
        run(LIST, "autoApproval.moved", () -> administration.move(id, version, true));
    }

    public void down(long id, long version) {
        run(LIST, "autoApproval.moved", () -> administration.move(id, version, false));
    }

    /** Says how an action went next to where it was pressed: the list's own buttons or the form's. */
    private void run(String target, String doneKey, Runnable action) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            action.run();
            faces.addMessage(target, new FacesMessage(FacesMessage.SEVERITY_INFO, BundleText.of(doneKey), null));
            clearForm();
            list = administration.list();
        } catch (RuleRefused refused) {
            refused.problems()
                    .forEach(p -> faces.addMessage(
                            target, new FacesMessage(FacesMessage.SEVERITY_ERROR, BundleText.of(p), null)));
            faces.validationFailed();
            list = administration.list();
        } catch (AccessRefused refused) {
            Refusal.refuse(faces, refused.getMessage());
        }
    }

    private void clearForm() {
        editing = null;
        editingVersion = 0;
        name = null;
        group = null;
        maxDuration = null;
        maxPerMonth = null;
    }

    /** When a portal rule was last changed, in the viewer's zone. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    public List<AutoApprovalRuleSummary> getRules() {
        return list;
    }

    public boolean isEditing() {
        return editing != null;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getMaxDuration() {
        return maxDuration;
    }

    public void setMaxDuration(String maxDuration) {
        this.maxDuration = maxDuration;
    }

    public String getMaxPerMonth() {
        return maxPerMonth;
    }

    public void setMaxPerMonth(String maxPerMonth) {
        this.maxPerMonth = maxPerMonth;
    }
}
