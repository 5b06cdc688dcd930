package io.afterhours.hours.web;

import io.afterhours.hours.boundary.PolicyRefused;
import io.afterhours.hours.boundary.PolicySummary;
import io.afterhours.hours.boundary.SavePolicyCommand;
import io.afterhours.hours.boundary.WorkingHoursPolicies;
import io.afterhours.hours.entity.SessionType;
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
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The administrators' Working hours page ({@code admin/hours.xhtml}): the policies, and one policy being edited (a new
 * group override, or an existing policy from the version shown).
 */
@Named
@ViewScoped
public class HoursView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient WorkingHoursPolicies policies;

    private List<PolicySummary> list;
    private boolean editing;
    private Long id;
    private long version;
    private boolean defaultPolicy;
    private String name;
    private String group;
    private int priority;
    private String zone;
    private List<FrameRow> frames = new ArrayList<>();

    @PostConstruct
    void init() {
        reload();
    }

    public void create() {
        editing = true;
        id = null;
        version = 0;
        defaultPolicy = false;
        name = "";
        group = "";
        priority = 10;
        zone = list.isEmpty() ? "UTC" : list.get(0).zone();
        frames = new ArrayList<>();
        addFrame();
    }

    public void edit(long policyId) {
        list.stream().filter(p -> p.id() == policyId).findFirst().ifPresent(p -> {
            editing = true;
            id = p.id();
            version = p.version();
            defaultPolicy = p.isDefault();
            name = p.name();
            group = p.group();
            priority = p.priority();
            zone = p.zone();
            frames = new ArrayList<>(p.frames().stream().map(FrameRow::of).toList());
        });
    }

    public void addFrame() {
        frames.add(new FrameRow(
                DayOfWeek.MONDAY.name(),
                "08:00",
                "19:00",
                Arrays.stream(SessionType.values()).map(Enum::name).toList()));
    }

    public void removeFrame(int index) {
        if (index >= 0 && index < frames.size()) {
            frames.remove(index);
        }
    }

    public void save() {
        run(
                "hours.saved",
                () -> policies.save(new SavePolicyCommand(
                        id,
                        version,
                        name,
                        group,
                        priority,
                        zone,
                        frames.stream().map(FrameRow::text).toList())));
    }

    public void delete(long policyId, long policyVersion) {
        run("hours.deleted", () -> policies.delete(policyId, policyVersion));
    }

    public void cancel() {
        editing = false;
    }

    /** One boundary call; then the list again, or every problem as a message (the edit stays open). */
    private void run(String doneKey, Runnable action) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            action.run();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, BundleText.of(doneKey), null));
            editing = false;
            reload();
        } catch (PolicyRefused refused) {
            refused.problems()
                    .forEach(p -> faces.addMessage(
                            null, new FacesMessage(FacesMessage.SEVERITY_ERROR, BundleText.of(p), null)));
            faces.validationFailed();
        } catch (AccessRefused refused) {
            Refusal.refuse(faces, refused.getMessage());
        }
    }

    private void reload() {
        list = policies.list();
    }

    public List<PolicySummary> getPolicies() {
        return list;
    }

    public DayOfWeek[] getWeekdays() {
        return DayOfWeek.values();
    }

    public SessionType[] getSessionTypes() {
        return SessionType.values();
    }

    public boolean isEditing() {
        return editing;
    }

    public boolean isDefaultPolicy() {
        return defaultPolicy;
    }

    public Long getId() {
        return id;
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

    public int getPriority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public List<FrameRow> getFrames() {
        return frames;
    }
}
