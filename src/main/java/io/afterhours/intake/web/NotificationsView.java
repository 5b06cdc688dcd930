package io.afterhours.intake.web;

import io.afterhours.intake.boundary.NotificationDetail;
import io.afterhours.intake.boundary.NotificationFilter;
import io.afterhours.intake.boundary.Notifications;
import io.afterhours.intake.entity.Classification;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** View state of the administrator's Notifications page ({@code admin/notifications.xhtml}). */
@Named
@ViewScoped
public class NotificationsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Inject
    Notifications notifications;

    private NotificationLazyModel model;
    private String serverSlot;
    private String user;
    private Integer eventType;
    private Classification classification;
    private Boolean mapped;
    private LocalDate from;
    private LocalDate to;
    private NotificationDetail detail;

    @PostConstruct
    void init() {
        model = new NotificationLazyModel(notifications, this::filter);
    }

    public void showDetail(long id) {
        detail = notifications.detail(id).orElse(null);
    }

    public void clearFilters() {
        serverSlot = null;
        user = null;
        eventType = null;
        classification = null;
        mapped = null;
        from = null;
        to = null;
    }

    NotificationFilter filter() {
        Instant fromInstant =
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant toInstant =
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new NotificationFilter(
                blankToNull(serverSlot), blankToNull(user), eventType, classification, mapped, fromInstant, toInstant);
    }

    /** Times are shown in UTC, with the zone named; per-viewer zones come with sign-in (issue 3). */
    public String format(Instant instant) {
        return instant == null ? "—" : TIME.format(instant) + " UTC";
    }

    public Classification[] getClassifications() {
        return Classification.values();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public NotificationLazyModel getModel() {
        return model;
    }

    public String getServerSlot() {
        return serverSlot;
    }

    public void setServerSlot(String serverSlot) {
        this.serverSlot = serverSlot;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public Integer getEventType() {
        return eventType;
    }

    public void setEventType(Integer eventType) {
        this.eventType = eventType;
    }

    public Classification getClassification() {
        return classification;
    }

    public void setClassification(Classification classification) {
        this.classification = classification;
    }

    public Boolean getMapped() {
        return mapped;
    }

    public void setMapped(Boolean mapped) {
        this.mapped = mapped;
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

    public NotificationDetail getDetail() {
        return detail;
    }
}
