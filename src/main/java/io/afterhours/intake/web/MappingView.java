package io.afterhours.intake.web;

import io.afterhours.directory.boundary.Preferences;
import io.afterhours.intake.boundary.MappingReport;
import io.afterhours.intake.boundary.MappingReport.FieldCandidates;
import io.afterhours.intake.boundary.MappingReport.UnmappedMember;
import io.afterhours.intake.boundary.Reclassification;
import io.afterhours.intake.boundary.Reclassification.Status;
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
 * The administrators' Field mapping page ({@code admin/mapping.xhtml}): candidates and unmapped members, and
 * "Reclassify stored notifications" with the progress of the run in progress or the last one.
 */
@Named
@ViewScoped
public class MappingView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    transient MappingReport report;

    @Inject
    transient Preferences preferences;

    @Inject
    transient Reclassification reclassification;

    private ZoneId zone;
    private List<FieldCandidates> candidates;
    private List<UnmappedMember> unmapped;
    private Status status;

    @PostConstruct
    void init() {
        zone = preferences.myZone();
        candidates = report.candidates();
        unmapped = report.unmapped();
        status = reclassification.status();
    }

    /** Starts a run in the background, unless one is running already. */
    public void reclassify() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            boolean started = reclassification.start();
            faces.addMessage(
                    null,
                    started
                            ? new FacesMessage(
                                    FacesMessage.SEVERITY_INFO, BundleText.of("mapping.reclassify.started"), null)
                            : new FacesMessage(
                                    FacesMessage.SEVERITY_WARN, BundleText.of("mapping.reclassify.busy"), null));
            status = reclassification.status();
        } catch (AccessRefused refused) {
            Refusal.refuse(faces, refused.getMessage());
        }
    }

    /** The poll while a run is in progress. */
    public void refresh() {
        status = reclassification.status();
    }

    public Status getStatus() {
        return status;
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    public List<FieldCandidates> getCandidates() {
        return candidates;
    }

    public List<UnmappedMember> getUnmapped() {
        return unmapped;
    }
}
