package io.afterhours.admin.web;

import io.afterhours.admin.boundary.HealthFacts;
import io.afterhours.admin.boundary.IntakeCount;
import io.afterhours.admin.boundary.RecentFailure;
import io.afterhours.admin.boundary.ServerLastSeen;
import io.afterhours.admin.boundary.SystemHealth;
import io.afterhours.directory.boundary.Preferences;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.web.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The health page ({@code admin/health.xhtml}): one reading of the system's facts, for administrators. */
@Named
@RequestScoped
public class HealthView {

    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm:ss", Locale.ENGLISH);

    @Inject
    SystemHealth health;

    @Inject
    Preferences preferences;

    @Inject
    FacesContext faces;

    private HealthFacts facts;
    private List<ServerLastSeen> servers;
    private List<IntakeCount> intake;
    private List<RecentFailure> failures;
    private long failedRequests;
    private ZoneId zone;

    public void load() {
        try {
            facts = health.page();
            servers = health.servers();
            intake = health.intakeCounts();
            failures = health.recentFailures();
            failedRequests = health.failedRequests();
            zone = preferences.myZone();
        } catch (AccessRefused e) {
            Refusal.refuse(faces, e.getMessage());
        }
    }

    /** A moment in the viewer's zone; a dash for none. */
    public String moment(Instant instant) {
        return instant == null ? "—" : MOMENT.format(instant.atZone(zone));
    }

    /** An age as people read it: "3 d 4 h", "2 h 05 min", "12 min", "40 s"; a dash for none. */
    public String age(Duration duration) {
        if (duration == null) {
            return "—";
        }
        long s = Math.max(0, duration.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            return String.format("%d h %02d min", s / 3600, s % 3600 / 60);
        }
        return String.format("%d d %d h", s / 86_400, s % 86_400 / 3600);
    }

    public String ago(Instant instant) {
        return instant == null ? "—" : age(Duration.between(instant, facts.at()));
    }

    public HealthFacts getFacts() {
        return facts;
    }

    public List<ServerLastSeen> getServers() {
        return servers;
    }

    public List<IntakeCount> getIntake() {
        return intake;
    }

    public List<RecentFailure> getFailures() {
        return failures;
    }

    public long getFailedRequests() {
        return failedRequests;
    }

    public String getZoneId() {
        return zone == null ? "" : zone.getId();
    }
}
