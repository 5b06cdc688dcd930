package io.afterhours.audit.web;

import io.afterhours.audit.boundary.AuditHistory;
import io.afterhours.audit.boundary.HistoryFilter;
import io.afterhours.audit.boundary.HistoryRefused;
import io.afterhours.directory.boundary.Preferences;
import io.afterhours.platform.web.BundleText;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * View state of the history page ({@code history.xhtml}): the filters (also page parameters, so a filtered view can
 * be linked to), the lazy table and the link to the same view as CSV. What the viewer may see is decided by
 * {@link AuditHistory}, not here.
 */
@Named
@ViewScoped
public class HistoryView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    transient AuditHistory history;

    @Inject
    transient Preferences preferences;

    private HistoryLazyModel model;
    private ZoneId zone;
    private String person;
    private String manager;
    private String team;
    private String state;
    private String action;
    private LocalDate from;
    private LocalDate to;
    private boolean refused;

    @PostConstruct
    void init() {
        zone = preferences.myZone();
        model = new HistoryLazyModel(history, this::filter);
    }

    /** Checks the filter before the table asks for rows, so a bad one is one clear message rather than an error. */
    public void search() {
        refused = false;
        try {
            history.count(filter());
        } catch (HistoryRefused e) {
            refused = true;
            FacesContext.getCurrentInstance()
                    .addMessage(
                            null,
                            new FacesMessage(
                                    FacesMessage.SEVERITY_ERROR, BundleText.about(e.getMessage(), e.value()), null));
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    public void clearFilters() {
        person = null;
        manager = null;
        team = null;
        state = null;
        action = null;
        from = null;
        to = null;
        refused = false;
    }

    /** The filter the table shows, or null after a refused one: nothing rather than something else than asked. */
    HistoryFilter filter() {
        if (refused) {
            return null;
        }
        return new HistoryFilter(person, manager, team, state, action, from, to, zone);
    }

    /** The CSV export of exactly this view. */
    public String getExportQuery() {
        return HistoryParameters.query(new HistoryFilter(person, manager, team, state, action, from, to, zone));
    }

    public String format(Instant instant) {
        return instant == null ? "—" : TIME.format(instant.atZone(zone));
    }

    public List<String> getStates() {
        return AuditHistory.STATES;
    }

    public int getCountCap() {
        return AuditHistory.COUNT_CAP;
    }

    public HistoryLazyModel getModel() {
        return model;
    }

    public String getZoneId() {
        return zone.getId();
    }

    public String getPerson() {
        return person;
    }

    public void setPerson(String person) {
        this.person = person;
    }

    public String getManager() {
        return manager;
    }

    public void setManager(String manager) {
        this.manager = manager;
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
